/** The score by stage (earned, penalties, net) and, one click away per stage, every line explained with its lesson. */
import { STAGES, type ScoreReport, type Stage } from '../../../engine';
import { STAGE_LABELS } from '../../lib/labels';
import { StageTable } from './StageTable';

const pointsText = (line: ScoreReport['lines'][number]) =>
  line.kind === 'not-applicable' ? 'n/a' : line.kind === 'penalty' ? (line.points < 0 ? `−${Math.abs(line.points)}` : '0') : `${line.points}/${line.max}`;

export function ScoreSummary({ score, open, onToggle }: { readonly score: ScoreReport; readonly open: ReadonlySet<Stage>; readonly onToggle: (stage: Stage, open: boolean) => void }) {
  return (
    <section className="card score" aria-labelledby="score-title">
      <h2 id="score-title">
        Score by stage: <span className="score-total">{score.total.toFixed(1)}</span> / 100
      </h2>
      <StageTable score={score} penalties />
      {STAGES.map((stage) => (
        <details key={stage} id={`lines-${stage}`} className="score-lines" open={open.has(stage)} onToggle={(e) => onToggle(stage, e.currentTarget.open)}>
          <summary>
            Why: {STAGE_LABELS[stage]} ({score.stages[stage].lines.length} {score.stages[stage].lines.length === 1 ? 'line' : 'lines'})
          </summary>
          <ul>
            {score.stages[stage].lines.map((line) => (
              <li key={line.id} className={`score-line score-line-${line.kind}`}>
                <span className="score-points">{pointsText(line)}</span>
                <span>{line.reason}</span>
                {line.lesson ? <span className="score-lesson">Instead: {line.lesson}</span> : null}
                <span className="hint">{line.reference}</span>
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
