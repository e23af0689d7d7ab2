/** Each regulatory obligation: when it started, was due and was met, in the team's run and the reference's. */
import { assertNever, formatSimTime, type Debrief, type ObligationRecord, type SimMinutes } from '../../../engine';
import { actorLabel } from '../../lib/labels';

function statusText(status: ObligationRecord['status']): string {
  switch (status) {
    case 'running':
      return 'still running';
    case 'met':
      return 'met';
    case 'met-late':
      return 'met late';
    case 'overdue':
      return 'overdue';
    default:
      return assertNever(status);
  }
}

export function ObligationsTable({ debrief }: { readonly debrief: Debrief }) {
  if (debrief.obligations.length === 0) return null;
  const at = (m: SimMinutes | undefined) => (m === undefined ? '—' : formatSimTime(debrief.pack.clockStart, m));
  return (
    <section className="card" aria-labelledby="obl-title">
      <h2 id="obl-title">Obligations and deadlines</h2>
      <div className="table-scroll" tabIndex={0} aria-label="Obligations table">
        <table>
          <caption className="visually-hidden">Obligations: started, due, met, status, and the reference</caption>
          <thead>
            <tr>
              <th scope="col">Obligation</th>
              <th scope="col">Started</th>
              <th scope="col">Due</th>
              <th scope="col">Met</th>
              <th scope="col">Status</th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {debrief.obligations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.title}
                  <span className="hint"> ({o.basis}; to {o.recipient}; owner {actorLabel(o.owner)})</span>
                </th>
                <td>{at(o.team?.triggeredAt)}</td>
                <td>{at(o.team?.dueAt)}</td>
                <td>
                  {at(o.team?.metAt)}
                  {o.team?.metBy ? ` · ${actorLabel(o.team.metBy)}` : ''}
                </td>
                <td>{o.team ? statusText(o.team.status) : 'not triggered'}</td>
                <td>{o.reference ? `${statusText(o.reference.status)}${o.reference.metAt !== undefined ? ` ${at(o.reference.metAt)}` : ''}` : 'not triggered'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
