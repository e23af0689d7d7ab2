/** The recovery gate in one sentence (from the service history), its criteria and each return to service. */
import { formatSimTime, type Debrief } from '../../../engine';

export function GateSection({ debrief }: { readonly debrief: Debrief }) {
  return (
    <section className="card" aria-labelledby="gate-title">
      <h2 id="gate-title">Recovery gate: {debrief.gate.respected ? 'respected' : 'breached'}</h2>
      <p>{debrief.gate.statement}</p>
      <p className="hint">A return to service is legitimate only when every criterion holds: {debrief.gate.criteria.map((c) => c.label).join('; ')}.</p>
      {debrief.gate.restarts.length > 0 ? (
        <ul>
          {debrief.gate.restarts.map((restart, i) => (
            <li key={i}>
              Back in service at {formatSimTime(debrief.pack.clockStart, restart.at)} through {restart.how}
              {restart.unmet.length ? ` — unmet: ${restart.unmet.join('; ')}` : ' — all criteria held'}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
