/** The team's timeline beside the reference's, with the score's verdict on each act. */
import { formatSimTime, type Debrief, type SimMinutes } from '../../../engine';
import { actorLabel } from '../../lib/labels';

export function DebriefTimeline({ debrief }: { readonly debrief: Debrief }) {
  const at = (minutes: SimMinutes | undefined) => (minutes === undefined ? '—' : formatSimTime(debrief.pack.clockStart, minutes));
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Your timeline beside the reference</h2>
      <div className="table-scroll" tabIndex={0} aria-label="Timeline table">
        <table className="timeline-table">
          <caption className="visually-hidden">Events of your run and the reference response, in scenario time</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Your team</th>
              <th scope="col">Verdict</th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {debrief.timeline.rows.map((row) => (
              <tr key={row.key} className={row.team?.flag ? 'row-flag' : undefined}>
                <th scope="row">{row.label}</th>
                <td>
                  {at(row.team?.at)}
                  {row.team?.by ? ` · ${actorLabel(row.team.by)}` : ''}
                  {row.team?.flag ? <span className="tag tag-warn">{row.team.flag}</span> : null}
                </td>
                <td>{row.team?.verdict ?? (row.team ? '' : row.reference ? 'not done' : '')}</td>
                <td>
                  {at(row.reference?.at)}
                  {row.reference?.by ? ` · ${actorLabel(row.reference.by)}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
