/** Regulatory clocks: each triggered obligation with its deadline, countdown and status. */
import type { ActiveRun } from '../../store/run-slice';
import { actorLabel } from '../../lib/labels';
import { dayClock, duration, fullDate } from '../../lib/time';

const STATUS_TEXT = { running: 'Running', met: 'Met', overdue: 'Overdue', 'met-late': 'Met late' } as const;

export function Obligations({ run }: { readonly run: ActiveRun }) {
  const { pack, state } = run;
  const started = pack.obligations.filter((o) => state.obligations[o.id]);
  return (
    <section className="card obligations" aria-labelledby="obligations-title">
      <h2 id="obligations-title">Regulatory clocks</h2>
      {started.length === 0 ? <p className="hint">No clock is running. Obligations start when their trigger occurs (e.g. when you become aware).</p> : null}
      <ul className="obligation-list">
        {started.map((obligation) => {
          const record = state.obligations[obligation.id]!;
          const left = record.dueAt - state.clock.now;
          return (
            <li key={obligation.id} className={`obligation obligation-${record.status}`}>
              <p className="obligation-title">{obligation.title}</p>
              <p className="hint">
                {obligation.basis} · to {obligation.recipient} · owner {actorLabel(obligation.owner)}
              </p>
              <p className="obligation-status">
                <strong>{STATUS_TEXT[record.status]}</strong>{' '}
                {record.status === 'running' ? `— ${duration(left)} left (due ${fullDate(pack.clock.start, record.dueAt)})` : null}
                {record.status === 'overdue' ? `— deadline was ${dayClock(pack.clock.start, record.dueAt)}` : null}
                {record.metAt !== undefined ? `— ${dayClock(pack.clock.start, record.metAt)}${record.metBy ? ` by ${actorLabel(record.metBy)}` : ''}` : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
