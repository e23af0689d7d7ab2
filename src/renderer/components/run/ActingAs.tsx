/** Who the next decision or move is recorded as. */
import { ROLE_TITLES } from '../../../engine';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';

export function ActingAs({ run }: { readonly run: ActiveRun }) {
  const actingAs = useStore((s) => s.actingAs);
  const setActingAs = useStore((s) => s.setActingAs);
  return (
    <label className="acting-as">
      <span>{run.header.mode === 'facilitated' ? 'Record the next act as' : 'Acting as'}</span>
      <select value={actingAs} onChange={(e) => setActingAs(e.currentTarget.value as never)}>
        {run.pack.roles.map(({ role }) => (
          <option key={role} value={role}>
            {ROLE_TITLES[role]}
            {run.state.roles[role] ? ` — ${run.state.roles[role]}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
