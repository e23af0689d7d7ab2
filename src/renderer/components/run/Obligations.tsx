/**
 * Regulatory clocks: each triggered obligation with its deadline, time left
 * (scenario and real time at this speed) and status, in the order they
 * started (a new clock is added at the end, moving nothing).
 */
import { formatSimDateTimeZone, formatSimTime, type SimMinutes, between } from '../../../engine';
import type { ActiveRun } from '../../store/run-slice';
import { actorLabel } from '../../lib/labels';
import { countdown } from '../../lib/time';
import { Term } from '../Term';

const STATUS_TEXT = { running: 'Running', met: 'Met', overdue: 'Overdue', 'met-late': 'Met late' } as const;

export function Obligations({ run }: { readonly run: ActiveRun }) {
  const { pack, state } = run;
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  const started = pack.obligations
    .flatMap((o) => {
      const record = state.obligations[o.id];
      return record ? [{ obligation: o, record }] : [];
    })
    .sort((a, b) => a.record.triggeredAt - b.record.triggeredAt);
  return (
    <section className="panel obligations" aria-labelledby="obligations-title">
      <h2 id="obligations-title">
        <Term id="regulatory-clock">Regulatory clocks</Term>
      </h2>
      <div className="panel-body" tabIndex={0} aria-label="Regulatory clocks list">
        {started.length === 0 ? <p className="hint">No clock is running. Obligations start when their trigger occurs (e.g. when you become aware).</p> : null}
        <ul className="obligation-list">
          {started.map(({ obligation, record }) => (
            <li key={obligation.id} className={`obligation obligation-${record.status}`}>
              <p className="obligation-title">{obligation.title}</p>
              <p className="hint">
                {obligation.basis} · to {obligation.recipient} · owner {actorLabel(obligation.owner)}
              </p>
              <p className="obligation-status">
                <strong>{STATUS_TEXT[record.status]}</strong>
                {record.status === 'running' ? (
                  <span title={`Due ${formatSimDateTimeZone(pack.clock.start, record.dueAt)}`}>
                    {' '}
                    — {countdown(state, between(state.clock.now, record.dueAt))} (due {t(record.dueAt)})
                  </span>
                ) : null}
                {record.status === 'overdue' ? ` — the deadline was ${t(record.dueAt)}` : null}
                {record.metAt !== undefined ? ` — ${t(record.metAt)}${record.metBy ? ` by ${actorLabel(record.metBy)}` : ''}` : null}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
