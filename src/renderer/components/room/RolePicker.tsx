/** A participant without a role: pick one (where the facilitator allows it) or wait to be given one. */
import { ROLE_TITLES } from '../../../engine';
import type { ParticipantSelf } from '../../../shared/room';
import { useStore } from '../../store/store';

export function RolePicker({ self }: { readonly self: ParticipantSelf }) {
  const pickRole = useStore((s) => s.pickRole);
  return (
    <section className="card" aria-labelledby="role-title">
      <h1 id="role-title">Welcome, {self.name}</h1>
      {self.pickableRoles.length === 0 ? (
        <p role="status">You are in the room. The facilitator will give you a command role in a moment.</p>
      ) : (
        <>
          <p>Which command role do you take?</p>
          <ul className="role-choices">
            {self.pickableRoles.map((role) => (
              <li key={role}>
                <button type="button" onClick={() => void pickRole(role)}>
                  {ROLE_TITLES[role]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
