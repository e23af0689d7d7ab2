/**
 * The facilitator's events list (MSEL): every inject on a timeline — what
 * has arrived, what is due and when (scenario and real time), what a
 * condition will trigger — with release-now and hold for each one to come,
 * and a marker for injects addressed to some roles only.
 */
import { useLayoutEffect, useRef } from 'react';
import { formatSimTime, ROLE_TITLES, type SimMinutes, between } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { eventsList, type EventRow } from '../../lib/events-list';
import { CHANNEL_LABELS } from '../../lib/labels';
import { inTime } from '../../lib/time';
import { ActionButton } from '../run/ActionButton';
import { AdhocInject } from './AdhocInject';

const audience = (row: EventRow) => (row.visibleTo === 'all' ? 'Room' : `Only ${row.visibleTo.map((r) => ROLE_TITLES[r]).join(', ')}`);

export function EventsPanel() {
  const { run, holds, ui } = useRunActions();
  const { pack, state } = run;
  const rows = eventsList(pack, state);
  const fired = rows.filter((r) => r.status === 'fired').length;
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  const box = useRef<HTMLDivElement>(null);
  // Keep "now" in view: the last arrival above it, what comes next below (scrolling moves nothing on the page).
  useLayoutEffect(() => {
    const el = box.current;
    const line = el?.querySelector<HTMLElement>('.event-now');
    if (el && line) el.scrollTop = Math.max(0, line.offsetTop - el.clientHeight / 3);
  }, [fired]);
  return (
    <section className="panel events" aria-labelledby="events-title">
      <h2 id="events-title" tabIndex={-1}>
        Events <span className="hint">({fired} of {rows.length} arrived)</span>
      </h2>
      <div ref={box} className="panel-body" tabIndex={0} aria-label="Events, in scenario order">
        <ol className="event-list">
          {rows.map((row, index) => {
            const nowLine = row.status !== 'fired' && (index === 0 || rows[index - 1]?.status === 'fired');
            const upcoming = row.status === 'scheduled' || row.status === 'pending';
            const held = holds.has(row.id);
            return [
              nowLine ? (
                <li key="now" className="event-now">
                  Now · {t(state.clock.now)}
                </li>
              ) : null,
              <li key={`${row.status}-${row.id}`} className={`event event-${row.status}${held ? ' event-held' : ''}`}>
                <p className="event-when">
                  {row.status === 'fired' ? (
                    <>
                      <span className="event-mark" aria-hidden="true">✓</span> {t(row.at!)}
                    </>
                  ) : upcoming ? (
                    <>
                      Due {t(row.at!)} <span className="hint">(in {inTime(state, between(state.clock.now, row.at!))})</span>
                    </>
                  ) : (
                    'When triggered'
                  )}
                </p>
                <p className="event-title">
                  {row.title}
                  {row.released ? <span className="tag">released early</span> : null}
                  {row.adhoc ? <span className="tag">ad hoc</span> : null}
                  {held ? <span className="tag tag-warn">on hold</span> : null}
                </p>
                <p className="hint event-meta">
                  {CHANNEL_LABELS[row.channel] ?? row.channel} · {audience(row)}
                  {row.condition ? ` · when ${row.condition}` : ''}
                </p>
                {row.status !== 'fired' ? (
                  <div className="event-actions">
                    <ActionButton action="release-next" argument={row.id} label="Release now" ariaLabel={`Release now: ${row.title}`} />
                    {upcoming ? (
                      <button type="button" aria-pressed={held} onClick={() => ui.toggleHold(row.id)} aria-label={`${held ? 'Lift the hold on' : 'Hold'}: ${row.title}`}>
                        {held ? 'Lift hold' : 'Hold'}
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </li>,
            ];
          })}
        </ol>
        <AdhocInject />
      </div>
    </section>
  );
}
