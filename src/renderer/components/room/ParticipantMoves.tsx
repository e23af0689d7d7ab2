/** The moves a participant's role owns, by stage; making one is recorded as that role. */
import { STAGES, type Move, type RoleId } from '../../../engine';
import { STAGE_LABELS } from '../../lib/labels';
import { formatSimTime, formatSpan } from '../../../engine';
import type { ActiveRun } from '../../store/run-slice';
import { useStore } from '../../store/store';
import { Markdown } from '../Markdown';

const owns = (move: Move, role: RoleId) => (typeof move.owner === 'string' ? move.owner === role : move.owner.includes(role));

export function ParticipantMoves({ run, role }: { readonly run: ActiveRun; readonly role: RoleId }) {
  const submit = useStore((s) => s.submit);
  const mine = run.pack.moves.filter((m) => owns(m, role));
  const active = run.state.phase === 'running';
  return (
    <section className="card" aria-labelledby="my-moves-title">
      <h2 id="my-moves-title">Your moves</h2>
      {mine.length === 0 ? <p className="hint">Your role has no moves of its own in this scenario: advise the team and vote.</p> : null}
      {STAGES.filter((stage) => mine.some((m) => m.stage === stage)).map((stage) => (
        <section key={stage} aria-label={STAGE_LABELS[stage]} className="participant-stage">
          <h3>{STAGE_LABELS[stage]}</h3>
          <ul className="move-list">
            {mine
              .filter((m) => m.stage === stage)
              .map((move) => {
                const made = run.state.moves.filter((m) => m.moveId === move.id);
                const last = made[made.length - 1];
                const done = Boolean(last) && !move.repeatable;
                return (
                  <li key={move.id} className={`move${done ? ' move-done' : ''}`}>
                    <div className="move-main">
                      <span className="move-label">{move.label}</span>
                      {move.delay ? <span className="move-delay">takes {formatSpan(move.delay)}</span> : null}
                    </div>
                    {last ? <p className="move-status">Made {formatSimTime(run.pack.clock.start, last.at)}{last.effective ? '' : ` · takes effect ${formatSimTime(run.pack.clock.start, last.effectiveAt)}`}</p> : null}
                    {move.description ? (
                      <details className="move-details">
                        <summary>Details</summary>
                        <Markdown source={move.description} />
                        {move.requiresText ? <p className="hint">Needs: {move.requiresText}</p> : null}
                      </details>
                    ) : null}
                    <button type="button" disabled={!active || done} onClick={() => void submit({ type: 'move.make', move: move.id }, role)} aria-label={`${done ? 'Done' : 'Make move'}: ${move.label}`}>
                      {done ? 'Done' : 'Make move'}
                    </button>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </section>
  );
}
