/**
 * Open decisions on a participant's device: answered directly when asked to
 * their role (or to everyone), otherwise a vote the facilitator sees.
 */
import { useState, type FormEvent } from 'react';
import { ROLE_TITLES, type Decision, type OptionId, type RoleId, between } from '../../../engine';
import { decisionChoices } from '../../lib/decision-choices';
import { formatSpan } from '../../../engine';
import type { ActiveRun } from '../../store/run-slice';
import { useStore } from '../../store/store';
import { Markdown } from '../Markdown';

export function ParticipantDecisions({ run, role }: { readonly run: ActiveRun; readonly role: RoleId }) {
  const open = run.pack.decisions.filter((d) => run.state.decisions[d.id]?.status === 'open');
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="my-decisions-title" className="participant-decisions">
      <h2 id="my-decisions-title">Decisions needed ({open.length})</h2>
      {open.map((decision) => (
        <DecisionCard key={decision.id} run={run} decision={decision} role={role} />
      ))}
    </section>
  );
}


function DecisionCard({ run, decision, role }: { readonly run: ActiveRun; readonly decision: Decision; readonly role: RoleId }) {
  const submit = useStore((s) => s.submit);
  const castVote = useStore((s) => s.castVote);
  const [selected, setSelected] = useState<readonly OptionId[]>([]);
  const [text, setText] = useState('');
  const [voted, setVoted] = useState(false);
  const record = run.state.decisions[decision.id]!;
  const mayAnswer = !decision.askedTo || decision.askedTo.includes(role);
  const left = record.dueAt === undefined ? undefined : between(run.state.clock.now, record.dueAt);
  const multiple = decision.kind === 'multiple';
  const textOnly = decision.kind === 'text';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (mayAnswer) await submit({ type: 'decision.answer', decision: decision.id, options: [...selected], ...(text.trim() ? { text: text.trim() } : {}) }, role);
    else setVoted(await castVote(decision.id, selected));
  };
  const titleId = `pd-${decision.id}`;
  return (
    <form className="card decision" onSubmit={(e) => void onSubmit(e)} aria-labelledby={titleId}>
      <div id={titleId}>
        <Markdown source={decision.prompt} />
      </div>
      {left !== undefined ? <p className="countdown">{left > 0 ? `Time left: ${formatSpan(left)} (scenario)` : 'Time is up'}</p> : null}
      {!mayAnswer ? <p className="hint">Asked to the {decision.askedTo!.map((r) => ROLE_TITLES[r]).join(' or ')}. Your vote goes to the facilitator.</p> : null}
      {textOnly && mayAnswer ? (
        <label className="field">
          <span>Your answer</span>
          <textarea value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </label>
      ) : (
        <fieldset className="choices">
          <legend className="visually-hidden">Options</legend>
          {decisionChoices(decision, false).map((choice) => (
            <div key={choice.id} className="radio-row">
              <input
                id={`pd-${decision.id}-${choice.id}`}
                type={multiple ? 'checkbox' : 'radio'}
                name={`pd-${decision.id}`}
                checked={selected.includes(choice.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setSelected(multiple ? (on ? [...selected, choice.id] : selected.filter((s) => s !== choice.id)) : [choice.id]);
                }}
              />
              <label htmlFor={`pd-${decision.id}-${choice.id}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
      )}
      {voted ? <p role="status">Your vote is in. You can change it until the decision is made.</p> : null}
      <button type="submit" className="primary" disabled={textOnly && mayAnswer ? !text.trim() : selected.length === 0}>
        {mayAnswer ? 'Decide' : 'Vote'}
      </button>
    </form>
  );
}
