/**
 * One TRACE section: facts computed from the run, the team's own input
 * (choices and reflection), and — when revealed — the pack's reference answer.
 */
import { useState } from 'react';
import type { Pack, TraceChoiceId, TraceSectionModel } from '../../../engine';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';
import { formatSimTime } from '../../../engine';
import { Markdown } from '../Markdown';

export function TraceSection({ run, model }: { readonly run: ActiveRun; readonly model: TraceSectionModel }) {
  const [reveal, setReveal] = useState(false);
  const headingId = `trace-${model.section}`;
  return (
    <section className="card trace-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {model.title}: <span className="trace-question">{model.question}</span>
      </h3>
      <h4>From your run</h4>
      <ul className="facts-list">
        {model.facts.map((fact, index) => (
          <li key={index}>
            <strong>{fact.label}:</strong> {fact.text}
            {fact.at !== undefined ? <span className="hint"> ({formatSimTime(run.pack.clock.start, fact.at)})</span> : null}
          </li>
        ))}
      </ul>
      <TeamInput run={run} model={model} />
      <button type="button" aria-expanded={reveal} onClick={() => setReveal(!reveal)}>
        {reveal ? 'Hide the reference answer' : 'Reveal the reference answer'}
      </button>
      {reveal ? (
        <div className="reference-answer">
          <h4>Reference answer</h4>
          {model.referenceText ? <Markdown source={model.referenceText} /> : null}
          {model.referenceItems.length > 0 ? (
            <ul>
              {model.referenceItems.map((item) => (
                <li key={item.id} className={`ref-item ref-${item.verdict ?? 'none'}`}>
                  {item.verdict ? <span className="tag">{item.verdict.replace('-', ' ')}</span> : null} {item.label}
                  {item.chosen !== undefined ? (
                    <span className="hint"> — {model.section === 'accountability' ? (item.chosen ? '✓ this role acted in that stage' : 'this role did not act in that stage') : item.chosen ? 'you chose it' : 'not chosen'}</span>
                  ) : null}
                  {item.detail ? <Markdown source={item.detail} /> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function TeamInput({ run, model }: { readonly run: ActiveRun; readonly model: TraceSectionModel }) {
  const submit = useStore((s) => s.submit);
  const saved = run.state.trace.reflections[model.section] ?? '';
  const [text, setText] = useState(saved);
  const id = `reflection-${model.section}`;
  return (
    <div className="team-input">
      {model.section === 'rootCause' ? <RootCauseChoice run={run} /> : null}
      {model.section === 'correction' ? <ChoiceList run={run} section="correction" /> : null}
      {model.section === 'evolution' ? <ChoiceList run={run} section="evolution" /> : null}
      <label htmlFor={id}>Your reflection</label>
      <textarea id={id} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <button type="button" disabled={text.trim() === saved.trim() || !text.trim()} onClick={() => void submit({ type: 'trace.reflect', section: model.section, text: text.trim() })}>
        Save reflection
      </button>
      {saved ? <span className="hint"> Saved.</span> : null}
    </div>
  );
}

function RootCauseChoice({ run }: { readonly run: ActiveRun }) {
  const submit = useStore((s) => s.submit);
  const chosen = run.state.trace.rootCause;
  return (
    <fieldset className="choices">
      <legend>Which root cause do you identify?</legend>
      {run.pack.reference.trace.rootCause.candidates.map((candidate) => (
        <div key={candidate.id} className="radio-row">
          <input id={`rc-${candidate.id}`} type="radio" name="root-cause" checked={chosen === candidate.id} onChange={() => void submit({ type: 'trace.rootCause', candidate: candidate.id })} />
          <label htmlFor={`rc-${candidate.id}`}>{candidate.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function ChoiceList({ run, section }: { readonly run: ActiveRun; readonly section: 'correction' | 'evolution' }) {
  const submit = useStore((s) => s.submit);
  const options = optionsFor(run.pack, section);
  const chosen = section === 'correction' ? run.state.trace.corrections : run.state.trace.evolutions;
  const toggle = (id: TraceChoiceId, on: boolean) => {
    const ids = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    void submit({ type: 'trace.select', section, ids });
  };
  return (
    <fieldset className="choices">
      <legend>{section === 'correction' ? 'What must be corrected?' : 'What governance change prevents a recurrence?'}</legend>
      {options.map((option) => (
        <div key={option.id} className="check-row">
          <input id={`${section}-${option.id}`} type="checkbox" checked={chosen.includes(option.id)} onChange={(e) => toggle(option.id, e.currentTarget.checked)} />
          <label htmlFor={`${section}-${option.id}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function optionsFor(pack: Pack, section: 'correction' | 'evolution') {
  return section === 'correction' ? pack.reference.trace.corrections : pack.reference.trace.evolutions;
}
