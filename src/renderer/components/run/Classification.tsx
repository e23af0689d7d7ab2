/** Severity (V-SEV V1–V5 with definitions) and R3AI classification, both revisable. */
import { useState, type FormEvent } from 'react';
import { R3AI_CATEGORIES, SEVERITY_DEFINITIONS, SEVERITY_LEVELS, type R3aiCategory, type SeverityLevel } from '../../../engine';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';
import { actorLabel, R3AI_LABELS } from '../../lib/labels';
import { dayClock } from '../../lib/time';

export function Classification({ run }: { readonly run: ActiveRun }) {
  const submit = useStore((s) => s.submit);
  const current = run.state.severity[run.state.severity.length - 1];
  const currentR3ai = run.state.r3ai[run.state.r3ai.length - 1];
  const [level, setLevel] = useState<SeverityLevel | undefined>(current?.level);
  const [rationale, setRationale] = useState('');
  const active = run.state.phase === 'running';
  const classify = async (event: FormEvent) => {
    event.preventDefault();
    if (!level) return;
    if (await submit({ type: 'severity.classify', level, ...(rationale.trim() ? { rationale: rationale.trim() } : {}) })) setRationale('');
  };
  return (
    <section className="card classification" aria-labelledby="classify-title">
      <h2 id="classify-title">Classify</h2>
      <form onSubmit={(e) => void classify(e)}>
        <fieldset className="severity-ladder">
          <legend>V-SEV severity</legend>
          {SEVERITY_LEVELS.map((value) => (
            <div key={value} className={`radio-row sev-row sev-${value}`}>
              <input id={`sev-${value}`} type="radio" name="severity" checked={level === value} onChange={() => setLevel(value)} disabled={!active} />
              <label htmlFor={`sev-${value}`}>
                <strong>V{value} {SEVERITY_DEFINITIONS[value].name}</strong>
                <span className="hint"> — {SEVERITY_DEFINITIONS[value].definition}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <label className="field">
          <span>Rationale (optional)</span>
          <input type="text" value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} disabled={!active} />
        </label>
        <button type="submit" className="primary" disabled={!active || !level || level === current?.level}>
          {current ? 'Revise severity' : 'Classify severity'}
        </button>
        {current ? (
          <p className="hint">
            Now V{current.level}, set {dayClock(run.pack.clock.start, current.at)} by {actorLabel(current.by)}.
          </p>
        ) : null}
      </form>
      <fieldset className="r3ai">
        <legend>R3AI failure category</legend>
        <div className="toolbar">
          {R3AI_CATEGORIES.map((category: R3aiCategory) => (
            <button
              key={category}
              type="button"
              aria-pressed={currentR3ai?.category === category}
              title={R3AI_LABELS[category].meaning}
              disabled={!active}
              onClick={() => void submit({ type: 'r3ai.classify', category })}
            >
              {R3AI_LABELS[category].name}
            </button>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
