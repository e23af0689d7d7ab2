/** Open decision prompts with their countdowns; each answered in place. */
import { useState, type FormEvent } from 'react';
import { R3AI_CATEGORIES, SEVERITY_DEFINITIONS, SEVERITY_LEVELS, type Decision } from '../../../engine';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';
import { R3AI_LABELS } from '../../lib/labels';
import { duration } from '../../lib/time';
import { Markdown } from '../Markdown';

export function DecisionPrompts({ run }: { readonly run: ActiveRun }) {
  const open = run.pack.decisions.filter((d) => run.state.decisions[d.id]?.status === 'open');
  if (open.length === 0) return null;
  return (
    <section className="decisions" aria-labelledby="decisions-title">
      <h2 id="decisions-title">Decisions needed ({open.length})</h2>
      {open.map((decision) => (
        <DecisionForm key={decision.id} run={run} decision={decision} />
      ))}
    </section>
  );
}

type Choice = { readonly id: string; readonly label: string };

function choicesOf(decision: Decision): Choice[] {
  if (decision.kind === 'severity') {
    return SEVERITY_LEVELS.map((level) => ({
      id: `v${level}`,
      label: decision.options?.find((o) => o.id === `v${level}`)?.label ?? `V${level} ${SEVERITY_DEFINITIONS[level].name} — ${SEVERITY_DEFINITIONS[level].definition}`,
    }));
  }
  if (decision.kind === 'r3ai') {
    return R3AI_CATEGORIES.map((c) => ({ id: c, label: decision.options?.find((o) => o.id === c)?.label ?? `${R3AI_LABELS[c].name} — ${R3AI_LABELS[c].meaning}` }));
  }
  return (decision.options ?? []).map((o) => ({ id: o.id, label: o.label }));
}

function DecisionForm({ run, decision }: { readonly run: ActiveRun; readonly decision: Decision }) {
  const submit = useStore((s) => s.submit);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [text, setText] = useState('');
  const record = run.state.decisions[decision.id]!;
  const left = record.dueAt === undefined ? undefined : record.dueAt - run.state.clock.now;
  const multiple = decision.kind === 'multiple';
  const choices = choicesOf(decision);
  const legendId = `decision-${decision.id}`;
  const answer = async (event: FormEvent) => {
    event.preventDefault();
    await submit({ type: 'decision.answer', decision: decision.id, options: [...selected], ...(text.trim() ? { text: text.trim() } : {}) });
  };
  return (
    <form className={`card decision${left !== undefined && left <= 30 ? ' decision-urgent' : ''}`} onSubmit={(e) => void answer(e)} aria-labelledby={legendId}>
      <div id={legendId} className="decision-prompt">
        <Markdown source={decision.prompt} />
      </div>
      {left !== undefined ? (
        <p className="countdown" aria-live="off">
          {left > 0 ? `Time left: ${duration(left)} (scenario)` : 'Time is up'}
        </p>
      ) : null}
      {decision.kind === 'text' ? (
        <label className="field">
          <span>Your answer</span>
          <textarea value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </label>
      ) : (
        <fieldset className="choices">
          <legend className="visually-hidden">Options</legend>
          {choices.map((choice) => (
            <div key={choice.id} className="radio-row">
              <input
                id={`${decision.id}-${choice.id}`}
                type={multiple ? 'checkbox' : 'radio'}
                name={decision.id}
                checked={selected.includes(choice.id)}
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
      <button type="submit" className="primary" disabled={decision.kind === 'text' ? !text.trim() : selected.length === 0}>
        Decide
      </button>
    </form>
  );
}
