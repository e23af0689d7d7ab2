/** The debrief summary for the projector at the end: the score and each stage, without the facilitator's notes. */
import { useMemo } from 'react';
import { score, STAGES } from '../../../engine';
import type { ActiveRun } from '../../store/run-slice';
import { STAGE_LABELS } from '../../lib/labels';

export function PresenterSummary({ run }: { readonly run: ActiveRun }) {
  const report = useMemo(() => score(run.pack, run.header, run.entries), [run.pack, run.header, run.entries]);
  return (
    <section className="panel presenter-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">
        Debrief: <span className="score-total">{report.total.toFixed(1)}</span> / 100
      </h2>
      <table className="stage-table">
        <caption className="visually-hidden">Score by V-AIM stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Score</th>
            <th scope="col">Of</th>
          </tr>
        </thead>
        <tbody>
          {STAGES.map((stage) => (
            <tr key={stage}>
              <th scope="row">{STAGE_LABELS[stage]}</th>
              <td>{report.stages[stage].score.toFixed(1)}</td>
              <td>{report.stages[stage].max.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">The full TRACE debrief is on the facilitator’s screen.</p>
    </section>
  );
}
