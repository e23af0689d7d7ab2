/**
 * The debrief leads with the lesson: the run's biggest losses, each in one
 * sentence with what the reference response did instead and why (from the
 * pack's reasons and rationales). The full explanation is one click away.
 */
import { formatSimTime, type Debrief, type Stage } from '../../../engine';
import { STAGE_LABELS } from '../../lib/labels';

export function Lessons({ debrief, onExplain }: { readonly debrief: Debrief; readonly onExplain: (stage: Stage) => void }) {
  const { lessons, score } = debrief;
  return (
    <section className="card lessons" aria-labelledby="lessons-title">
      <h2 id="lessons-title">
        {lessons.length > 0 ? `What to take from this run: the ${lessons.length === 1 ? 'biggest loss' : `${lessons.length} biggest losses`}` : 'Nothing was lost against the reference'}
      </h2>
      <p className="lesson-score">
        Score <span className="score-total">{score.total.toFixed(1)}</span> / 100{!score.ended ? ' (the run has not ended: the score so far)' : ''}
      </p>
      {score.warnings.map((note) => (
        // How the run was judged (ended early, facilitator changes): read with the score, not after it.
        <p key={note} className="hint lesson-note">
          {note}
        </p>
      ))}
      <ol className="lesson-list">
        {lessons.map((lesson, index) => (
          <li key={index} className="lesson">
            <p className="lesson-head">
              <span className="lesson-lost">−{lesson.lost.toFixed(1)} points</span> · {STAGE_LABELS[lesson.stage]}
              {lesson.at !== undefined ? ` · ${formatSimTime(debrief.pack.clockStart, lesson.at)}` : ''}
            </p>
            <p className="lesson-what">{lesson.what}</p>
            <p className="lesson-instead">
              <strong>Instead:</strong> {lesson.instead}
            </p>
            <button type="button" className="linklike lesson-more" onClick={() => onExplain(lesson.stage)}>
              The full explanation for {STAGE_LABELS[lesson.stage]}, line by line
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
