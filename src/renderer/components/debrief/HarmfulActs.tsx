/** Harmful acts and missed duties that cost points, each with why it matters (the pack's reasons). */
import type { Debrief } from '../../../engine';
import { STAGE_LABELS } from '../../lib/labels';

export function HarmfulActs({ debrief }: { readonly debrief: Debrief }) {
  const penalties = debrief.score.lines.filter((line) => line.kind === 'penalty' && line.points < 0);
  if (penalties.length === 0) return null;
  return (
    <section className="card harmful-acts" aria-labelledby="harmful-title">
      <h2 id="harmful-title">What cost points outright</h2>
      <ul className="penalty-list">
        {penalties.map((line) => (
          <li key={line.id}>
            <p>
              <span className="lesson-lost">−{line.lost.toFixed(1)}</span> · {STAGE_LABELS[line.stage]}: {line.reason}
            </p>
            {line.lesson ? <p className="hint">Why it matters: {line.lesson}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
