/** Who has joined the room: role (the facilitator assigns or changes it), connection, commands, votes; remove someone. */
import { ROLE_IDS, ROLE_TITLES, type RoleId } from '../../../engine';
import type { RoomStatus } from '../../../shared/room';
import { call } from '../../api';
import type { ActiveRun } from '../../store/run-slice';
import { useStore } from '../../store/store';
import { errorText } from '../../store/errors';

type Open = Extract<RoomStatus, { open: true }>;

export function RoomRoster({ status, run, onChange }: { readonly status: Open; readonly run: ActiveRun; readonly onChange: (next: RoomStatus) => void }) {
  const notify = useStore((s) => s.notify);
  const played = new Set(run.pack.roles.map((r) => r.role));
  const roles = ROLE_IDS.filter((r) => played.has(r));
  const act = (work: () => Promise<RoomStatus>) =>
    work().then(onChange, (error: unknown) => notify('error', `The room: ${errorText(error)}`));
  if (status.participants.length === 0) return <p className="hint">Nobody has joined yet.</p>;
  return (
    <>
      <h3 id="room-roster-title">Participants ({status.participants.length})</h3>
      <ul className="room-roster" aria-labelledby="room-roster-title">
        {status.participants.map((p) => (
          <li key={p.participantId} className="room-person" aria-label={p.name}>
            <div className="room-person-name">
              <strong>{p.name}</strong>
              <span className={`room-person-state${p.connected ? ' is-connected' : ''}`}>
                {p.connected ? 'connected' : 'disconnected (can rejoin)'} · {p.commands} {p.commands === 1 ? 'command' : 'commands'}
              </span>
            </div>
            <select
              aria-label={`Role of ${p.name}`}
              value={p.role ?? ''}
              onChange={(e) => {
                const role = (e.currentTarget.value || null) as RoleId | null;
                void act(() => call('assignRoomRole', run.runId, p.participantId, role));
              }}
            >
              <option value="">No role yet</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_TITLES[role]}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void act(() => call('removeParticipant', run.runId, p.participantId))} aria-label={`Remove ${p.name} from the room`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <Votes status={status} run={run} />
    </>
  );
}

function Votes({ status, run }: { readonly status: Open; readonly run: ActiveRun }) {
  const decisions = Object.entries(status.votes).filter(([, tally]) => Object.keys(tally).length > 0);
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="room-votes-title">
      <h3 id="room-votes-title">Votes from the room</h3>
      {decisions.map(([decisionId, tally]) => {
        const decision = run.pack.decisions.find((d) => d.id === decisionId);
        const label = (id: string) => decision?.options?.find((o) => o.id === id)?.label ?? id.toUpperCase();
        return (
          <ul key={decisionId} className="room-votes" aria-label={`Votes on ${decisionId}`}>
            {Object.entries(tally).map(([option, names]) => (
              <li key={option}>
                {label(option)}: {names.length} ({names.join(', ')})
              </li>
            ))}
          </ul>
        );
      })}
    </section>
  );
}
