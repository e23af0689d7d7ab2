/** One open decision prompt, answered in place, with its countdown in scenario and real time. */
import { useState, type FormEvent } from 'react';
import { type Decision, type OptionId, between } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { decisionChoices } from '../../lib/decision-choices';
import { countdown } from '../../lib/time';
import { Markdown } from '../Markdown';


export function DecisionForm({ decision, closed }: { readonly decision: Decision; readonly closed?: string | undefined }) {
  const { run, submit, ui } = useRunActions();
  const [selected, setSelected] = useState<readonly OptionId[]>([]);
  const [text, setText] = useState('');
  const record = run.state.decisions[decision.id];
  if (!record) return null;
  const left = record.dueAt === undefined ? undefined : between(run.state.clock.now, record.dueAt);
  const multiple = decision.kind === 'multiple';
  const legendId = `decision-${decision.id}`;
  const answer = async (event: FormEvent) => {
    event.preventDefault();
    // A solo learner answers in the name of the role the question is asked to.
    const by = run.header.mode === 'solo' ? decision.askedTo?.[0] : undefined;
    if (await submit({ type: 'decision.answer', decision: decision.id, options: [...selected], ...(text.trim() ? { text: text.trim() } : {}) }, by)) ui.focusPanel('decisions');
  };
  return (
    <form id={`decision-form-${decision.id}`} className={`card decision${left !== undefined && left <= 30 ? ' decision-urgent' : ''}`} onSubmit={(e) => void answer(e)} aria-labelledby={legendId}>
      <div id={legendId} className="decision-prompt">
        <Markdown source={decision.prompt} />
      </div>
      <p className="countdown">{closed ?? (left === undefined ? 'No time limit' : left > 0 ? countdown(run.state, left) : 'Time is up')}</p>
      {decision.kind === 'text' ? (
        <label className="field">
          <span>Your answer</span>
          <textarea value={text} disabled={closed !== undefined} onChange={(e) => setText(e.currentTarget.value)} />
        </label>
      ) : (
        <fieldset className="choices">
          <legend className="visually-hidden">Options</legend>
          {decisionChoices(decision, true).map((choice) => (
            <div key={choice.id} className="radio-row">
              <input
                id={`${decision.id}-${choice.id}`}
                type={multiple ? 'checkbox' : 'radio'}
                name={decision.id}
                checked={selected.includes(choice.id)}
                disabled={closed !== undefined}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setSelected(multiple ? (on ? [...selected, choice.id] : selected.filter((s) => s !== choice.id)) : [choice.id]);
                }}
              />
              <label htmlFor={`${decision.id}-${choice.id}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={closed !== undefined || (decision.kind === 'text' ? !text.trim() : selected.length === 0)}>
        Decide
      </button>
    </form>
  );
}
