/** The facilitator's private notes, each stamped with the scenario time; never on the presenter. */
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { formatSimTime } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';

export function NotesPanel() {
  const { run, submit } = useRunActions();
  const [text, setText] = useState('');
  const notes = run.state.notes.filter((n) => n.by === 'facilitator');
  const box = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [notes.length]);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && (await submit({ type: 'note.add', text: text.trim() }, 'facilitator'))) setText('');
  };
  return (
    <section className="panel notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Private notes</h2>
      <ol ref={box} className="notes" aria-label="Notes, oldest first" tabIndex={0}>
        {notes.length === 0 ? <li className="hint">Notes you add are stamped with the scenario time and appear in the facilitator's report.</li> : null}
        {notes.map((note, index) => (
          <li key={index}>
            <time>{formatSimTime(run.pack.clock.start, note.at)}</time> {note.text}
          </li>
        ))}
      </ol>
      <form className="note-form" onSubmit={(e) => void add(e)}>
        <label htmlFor="facilitator-note" className="visually-hidden">
          Note
        </label>
        <input id="facilitator-note" type="text" value={text} placeholder="Note (N)" onChange={(e) => setText(e.currentTarget.value)} aria-keyshortcuts="N" />
        <button type="submit" disabled={!text.trim()}>Add note</button>
      </form>
    </section>
  );
}
