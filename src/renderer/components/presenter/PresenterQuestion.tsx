/** The question the room is being asked now, with its countdown in real seconds (large, for the back of the room). */
import { formatSpan, ROLE_TITLES, type Pack, type RunState, between } from '../../../engine';
import { realTime } from '../../lib/time';
import { Markdown } from '../Markdown';

export function PresenterQuestion({ pack, state }: { readonly pack: Pack; readonly state: RunState }) {
  const open = pack.decisions
    .filter((d) => state.decisions[d.id]?.status === 'open')
    .map((d) => ({ decision: d, left: state.decisions[d.id]!.dueAt === undefined ? undefined : between(state.clock.now, state.decisions[d.id]!.dueAt!) }))
    .sort((a, b) => (a.left ?? Infinity) - (b.left ?? Infinity));
  return (
    <section className="panel presenter-question" aria-labelledby="question-title">
      <h2 id="question-title">{open.length > 1 ? `Open questions (${open.length})` : 'The question now'}</h2>
      <div className="panel-body" tabIndex={0} aria-label="Open questions">
        {open.length === 0 ? <p className="hint">No question is open.</p> : null}
        <ol className="question-list">
          {open.map(({ decision, left }) => (
            <li key={decision.id} className="question">
              {left !== undefined ? (
                <p className="question-countdown">
                  <span className="countdown-real">{realTime(state, left)}</span> <span className="hint">left ({formatSpan(left)} of scenario time)</span>
                </p>
              ) : null}
              {decision.askedTo ? <p className="hint">For the {decision.askedTo.map((r) => ROLE_TITLES[r]).join(', ')}</p> : null}
              <Markdown source={decision.prompt} />
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
