/** Action items: what must change, who owns it, by when. */
import { useState, type FormEvent } from 'react';
import { actionItemIdSchema, ROLE_IDS, ROLE_TITLES, type RoleId } from '../../../engine';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';

export function ActionItems({ run }: { readonly run: ActiveRun }) {
  const submit = useStore((s) => s.submit);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<RoleId>('incident-lead');
  const [due, setDue] = useState('');
  const items = run.state.trace.actionItems;
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const id = actionItemIdSchema.parse(`item-${run.entries.length + 1}`);
    if (await submit({ type: 'trace.actionItem.add', id, text: text.trim(), owner, due })) {
      setText('');
      setDue('');
    }
  };
  return (
    <section className="card action-items" aria-labelledby="actions-title">
      <h3 id="actions-title">Action items</h3>
      {items.length === 0 ? <p className="hint">No action items yet.</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <strong>{item.text}</strong> — {ROLE_TITLES[item.owner]}, due {item.due}{' '}
            <button type="button" onClick={() => void submit({ type: 'trace.actionItem.remove', id: item.id })} aria-label={`Remove action item: ${item.text}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} className="inline-form" aria-label="Add an action item">
        <label className="field">
          <span>Action</span>
          <input type="text" value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </label>
        <label className="field">
          <span>Owner</span>
          <select value={owner} onChange={(e) => setOwner(e.currentTarget.value as RoleId)}>
            {ROLE_IDS.map((role) => (
              <option key={role} value={role}>{ROLE_TITLES[role]}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Due date</span>
          <input type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!text.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(due)}>Add</button>
      </form>
    </section>
  );
}
