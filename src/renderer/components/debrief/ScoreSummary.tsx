/** The overall score, the per-stage table and every explained line. */
import { STAGES, type ScoreReport } from '../../../engine';
import { STAGE_LABELS } from '../../lib/labels';

export function ScoreSummary({ score }: { readonly score: ScoreReport }) {
  return (
    <section className="card score" aria-labelledby="score-title">
      <h2 id="score-title">
        Score <span className="score-total">{score.total.toFixed(1)}</span> / 100
      </h2>
      {!score.ended ? <p className="hint">The run has not ended: this is the score so far.</p> : null}
      <table className="stage-table">
        <caption className="visually-hidden">Score by V-AIM stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Score</th>
            <th scope="col">Weight</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {STAGES.map((stage) => {
            const s = score.stages[stage];
            return (
              <tr key={stage}>
                <th scope="row">{STAGE_LABELS[stage]}</th>
                <td>{s.score.toFixed(1)}</td>
                <td>{s.max.toFixed(1)}</td>
                <td>{s.pointsMax > 0 ? `${s.points} of ${s.pointsMax}` : 'not applicable'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {STAGES.map((stage) => (
        <details key={stage} className="score-lines">
          <summary>
            Why: {STAGE_LABELS[stage]} ({score.stages[stage].lines.length} {score.stages[stage].lines.length === 1 ? 'line' : 'lines'})
          </summary>
          <ul>
            {score.stages[stage].lines.map((line) => (
              <li key={line.id} className={`score-line score-line-${line.kind}`}>
                <span className="score-points">{line.kind === 'not-applicable' ? '—' : line.kind === 'penalty' ? `${line.points}` : `${line.points}/${line.max}`}</span>
                <span>{line.reason}</span>
                <span className="hint"> Reference: {line.reference}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
      {score.warnings.length > 0 ? (
        <div className="banner banner-warning" role="status">
          {score.warnings.join(' ')}
        </div>
      ) : null}
    </section>
  );
}
