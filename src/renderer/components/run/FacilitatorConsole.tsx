/**
 * The facilitator's console (facilitated runs, main window only — never the
 * presenter): the answer key, private notes, releasing an inject early and
 * adding an ad-hoc inject. Everything here goes in the log.
 */
import { useState, type FormEvent } from 'react';
import { CHANNELS, ROLE_TITLES, expectedSteps, type Channel } from '../../../engine';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';
import { CHANNEL_LABELS, R3AI_LABELS, severityLabel } from '../../lib/labels';
import { dayClock, duration } from '../../lib/time';

export function FacilitatorConsole({ run }: { readonly run: ActiveRun }) {
  return (
    <section className="card console" aria-labelledby="console-title">
      <h2 id="console-title">Facilitator console</h2>
      <p className="hint">Only on this screen. The presenter window never shows the answer key or your notes.</p>
      <AnswerKey run={run} />
      <ReleaseInject run={run} />
      <AdhocInject run={run} />
      <Notes run={run} />
    </section>
  );
}

function AnswerKey({ run }: { readonly run: ActiveRun }) {
  const { pack, state } = run;
  const now = state.clock.now;
  const expected = expectedSteps(pack, state);
  const reference = [...expected].reverse().find((s) => s.at <= now);
  return (
    <details className="answer-key">
      <summary>Answer key</summary>
      <p>
        Reference severity now: <strong>{reference ? severityLabel(reference.level) : '—'}</strong>. R3AI: <strong>{[pack.reference.r3ai].flat().map((c) => R3AI_LABELS[c].name).join(' or ')}</strong>.
      </p>
      <h3>Required moves</h3>
      <ul>
        {pack.reference.required.map((req, index) => {
          const made = state.moves.find((m) => m.moveId === req.move);
          const label = pack.moves.find((m) => m.id === req.move)?.label ?? req.move;
          return (
            <li key={`${req.move}-${index}`}>
              {label} — within {duration(req.within)}
              {typeof req.from === 'string' ? ' of the start' : ` of “${injectTitle(pack, req.from.inject)}”`}
              {made ? ` · made ${dayClock(pack.clock.start, made.at)}` : ' · not yet'}
              <span className="hint"> ({req.reason})</span>
            </li>
          );
        })}
      </ul>
      <h3>Harmful moves</h3>
      <ul>
        {pack.reference.forbidden.map((f) => (
          <li key={f.move}>
            {pack.moves.find((m) => m.id === f.move)?.label ?? f.move} <span className="hint">({f.reason})</span>
            {state.moves.some((m) => m.moveId === f.move) ? <strong> · made</strong> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function injectTitle(pack: ActiveRun['pack'], id: string): string {
  return pack.injects.find((i) => i.id === id)?.title ?? id;
}

function ReleaseInject({ run }: { readonly run: ActiveRun }) {
  const submit = useStore((s) => s.submit);
  const pending = run.pack.injects.filter((i) => run.state.fired[i.id] === undefined);
  const [choice, setChoice] = useState('');
  if (run.state.phase !== 'running') return null;
  return (
    <form
      className="console-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) void submit({ type: 'inject.release', inject: choice }, 'facilitator').then((ok) => ok && setChoice(''));
      }}
    >
      <label className="field">
        <span>Release an inject early</span>
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="">Choose an inject…</option>
          {pending.map((inject) => (
            <option key={inject.id} value={inject.id}>
              {inject.title}
              {run.state.schedule[inject.id] !== undefined ? ` (due ${dayClock(run.pack.clock.start, run.state.schedule[inject.id]!)})` : ' (triggered)'}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!choice}>Release now</button>
    </form>
  );
}

function AdhocInject({ run }: { readonly run: ActiveRun }) {
  const submit = useStore((s) => s.submit);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  if (run.state.phase !== 'running') return null;
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const id = `adhoc-${run.entries.length + 1}`;
    if (await submit({ type: 'inject.adhoc', id, title: title.trim(), body, channel, visibleTo: 'all' }, 'facilitator')) {
      setTitle('');
      setBody('');
    }
  };
  return (
    <form className="console-form" onSubmit={(e) => void add(e)} aria-label="Add an ad-hoc inject">
      <h3>Add an ad-hoc inject</h3>
      <label className="field">
        <span>Title</span>
        <input type="text" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label className="field">
        <span>Channel</span>
        <select value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Message (Markdown)</span>
        <textarea value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={!title.trim()}>Send to the team</button>
    </form>
  );
}

function Notes({ run }: { readonly run: ActiveRun }) {
  const submit = useStore((s) => s.submit);
  const [text, setText] = useState('');
  const notes = run.state.notes.filter((n) => n.by === 'facilitator');
  return (
    <form
      className="console-form"
      aria-label="Facilitator notes"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void submit({ type: 'note.add', text: text.trim() }, 'facilitator').then((ok) => ok && setText(''));
      }}
    >
      <h3>Private notes</h3>
      <ul className="notes">
        {notes.map((note, index) => (
          <li key={index}>
            <time>{dayClock(run.pack.clock.start, note.at)}</time> {note.text}
          </li>
        ))}
      </ul>
      <label className="field">
        <span>Note</span>
        <input type="text" value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={!text.trim()}>Add note</button>
    </form>
  );
}

/** Who the next decision or move is recorded as. */
export function ActingAs({ run }: { readonly run: ActiveRun }) {
  const actingAs = useStore((s) => s.actingAs);
  const setActingAs = useStore((s) => s.setActingAs);
  return (
    <label className="acting-as">
      <span>{run.header.mode === 'facilitated' ? 'Record the next action as' : 'Acting as'}</span>
      <select value={actingAs} onChange={(e) => setActingAs(e.currentTarget.value as never)}>
        {run.pack.roles.map(({ role }) => (
          <option key={role} value={role}>
            {ROLE_TITLES[role]}
            {run.state.roles[role] ? ` — ${run.state.roles[role]}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
