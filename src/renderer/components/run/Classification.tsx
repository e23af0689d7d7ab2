/**
 * The one place to classify: V-SEV severity (with definitions) and the R3AI
 * category, both revisable. When the scenario has asked for a severity or a
 * category (a prompt is open), classifying here answers that prompt too,
 * and its countdown shows here; there is no second form for it.
 */
import { useState, type FormEvent } from 'react';
import { formatSimTime, r3aiOptionId, R3AI_CATEGORIES, severityOptionId, SEVERITY_DEFINITIONS, SEVERITY_LEVELS, type Actor, type Command, type Decision, type R3aiCategory, type RoleId, type RunState, type SeverityLevel, type SimMinutes, between } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { useStore } from '../../store/store';
import { actorLabel, R3AI_LABELS } from '../../lib/labels';
import { countdown } from '../../lib/time';
import { Term } from '../Term';

/** The open prompt of this kind the person may answer as `as` (one asked of another role is theirs to answer, or to vote on). */
function asking(decisions: readonly Decision[], state: RunState, kind: 'severity' | 'r3ai', as: Actor | undefined): Decision | undefined {
  return decisions.find((d) => d.kind === kind && state.decisions[d.id]?.status === 'open' && (as === undefined || !d.askedTo || d.askedTo.includes(as as RoleId)));
}

export function Classification() {
  const { run, submit, ui, by } = useRunActions();
  const actingAs = useStore((s) => s.actingAs);
  const { pack, state } = run;
  // Who the classification is recorded as: a solo learner answers as the role asked; a participant as their role; the console as the recorded role.
  const as = run.header.mode === 'solo' ? undefined : by === 'facilitator' ? actingAs : by;
  const current = state.severity.at(-1);
  const currentR3ai = state.r3ai.at(-1);
  const [level, setLevel] = useState<SeverityLevel | undefined>(current?.level);
  const [rationale, setRationale] = useState('');
  const active = state.phase === 'running';
  const severityAsk = asking(pack.decisions, state, 'severity', as);
  const r3aiAsk = asking(pack.decisions, state, 'r3ai', as);
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  // A solo learner classifies in the name of the role asked (the Incident Lead when nobody is named); a facilitator records the acting role.
  const soloBy = (asked: Decision | undefined) => (run.header.mode === 'solo' ? (asked?.askedTo?.[0] ?? 'incident-lead') : undefined);
  const leftOf = (d: Decision | undefined) => {
    const due = d ? state.decisions[d.id]?.dueAt : undefined;
    return due === undefined ? undefined : between(state.clock.now, due);
  };
  const severityCommand = (value: SeverityLevel): Command =>
    severityAsk
      ? { type: 'decision.answer', decision: severityAsk.id, options: [severityOptionId(value)], ...(rationale.trim() ? { text: rationale.trim() } : {}) }
      : { type: 'severity.classify', level: value, ...(rationale.trim() ? { rationale: rationale.trim() } : {}) };
  const r3aiCommand = (category: R3aiCategory): Command => (r3aiAsk ? { type: 'decision.answer', decision: r3aiAsk.id, options: [r3aiOptionId(category)] } : { type: 'r3ai.classify', category });
  const classify = async (event: FormEvent) => {
    event.preventDefault();
    if (!level) return;
    if (await submit(severityCommand(level), soloBy(severityAsk))) {
      setRationale('');
      ui.focusPanel('decisions');
    }
  };
  const severityLeft = leftOf(severityAsk);
  const r3aiLeft = leftOf(r3aiAsk);
  return (
    <section id="classify-panel" className="panel classification" aria-labelledby="classify-title">
      <h2 id="classify-title" tabIndex={-1}>Classify</h2>
      <div className="panel-body">
        <form onSubmit={(e) => void classify(e)}>
          <fieldset className="severity-ladder">
            <legend>
              <Term id="v-sev">V-SEV</Term> severity
            </legend>
            <p className={severityAsk ? 'ask-line asked' : 'ask-line'}>
              {severityAsk ? `The scenario asks for a severity now${severityLeft === undefined ? '' : ` · ${countdown(state, severityLeft)}`}.` : current ? `Now V${current.level}, set ${t(current.at)} by ${actorLabel(current.by)}; revise it when the facts change.` : 'Not classified yet.'}
            </p>
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
          <button type="submit" className="primary" disabled={!active || !level || (level === current?.level && !severityAsk)}>
            {current ? 'Revise severity' : 'Classify severity'}
          </button>
        </form>
        <fieldset className="r3ai">
          <legend>
            <Term id="r3ai">R3AI</Term> failure category
          </legend>
          <p className={r3aiAsk ? 'ask-line asked' : 'ask-line'}>
            {r3aiAsk ? `The scenario asks for the category now${r3aiLeft === undefined ? '' : ` · ${countdown(state, r3aiLeft)}`}.` : currentR3ai ? `Now ${R3AI_LABELS[currentR3ai.category].name}, set ${t(currentR3ai.at)}.` : 'Not classified yet.'}
          </p>
          <div className="toolbar">
            {R3AI_CATEGORIES.map((category) => (
              <button
                key={category}
                type="button"
                aria-pressed={currentR3ai?.category === category}
                aria-describedby={`r3ai-meaning-${category}`}
                disabled={!active}
                onClick={() => void submit(r3aiCommand(category), soloBy(r3aiAsk)).then((ok) => ok && ui.focusPanel('decisions'))}
              >
                {R3AI_LABELS[category].name}
              </button>
            ))}
          </div>
          <ul className="r3ai-meanings hint">
            {R3AI_CATEGORIES.map((category) => (
              <li key={category} id={`r3ai-meaning-${category}`}>
                {R3AI_LABELS[category].name}: {R3AI_LABELS[category].meaning}
              </li>
            ))}
          </ul>
        </fieldset>
      </div>
    </section>
  );
}
