/**
 * Coached solo practice: what a V-AIM commander would consider at the stage
 * the scenario has reached (the stage of the latest inject). Questions to
 * think with, never the answer; the other stages stay one click away.
 */
import { STAGES, type Stage } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { COACH_HINTS } from '../../lib/coach-hints';
import type { ActiveRun } from '../../store/run-slice';
import { STAGE_LABELS } from '../../lib/labels';
import { Term } from '../Term';

/** The stage the scenario is in: that of the latest pack inject (Prepare before any). */
export function currentStage(run: ActiveRun): Stage {
  for (const item of [...run.state.feed].reverse()) {
    const stage = run.pack.injects.find((i) => i.id === item.injectId)?.stage;
    if (stage) return stage;
  }
  return 'prepare';
}

export function CoachPanel() {
  const { run } = useRunActions();
  const stage = currentStage(run);
  return (
    <section className="panel coach" aria-labelledby="coach-title">
      <h2 id="coach-title">Coach: {STAGE_LABELS[stage]}</h2>
      <div className="panel-body" tabIndex={0} aria-label="Coaching hints">
        <ul className="coach-hints">
          {COACH_HINTS[stage].map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
        <p className="hint">
          After the run, the debrief is a <Term id="trace">TRACE</Term> review.
        </p>
        <details>
          <summary>Hints for the other stages</summary>
          {STAGES.filter((s) => s !== stage).map((s) => (
            <div key={s}>
              <h3>{STAGE_LABELS[s]}</h3>
              <ul className="coach-hints">
                {COACH_HINTS[s].map((hint) => (
                  <li key={hint}>{hint}</li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      </div>
    </section>
  );
}
