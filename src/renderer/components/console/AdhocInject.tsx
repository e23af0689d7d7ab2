/** An ad-hoc inject from the facilitator: title, channel, audience and a Markdown message. */
import { useState, type FormEvent } from 'react';
import { CHANNELS, injectIdSchema, ROLE_TITLES, type Channel, type RoleId } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { CHANNEL_LABELS } from '../../lib/labels';

export function AdhocInject() {
  const { run, submit } = useRunActions();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  const [audience, setAudience] = useState<'all' | RoleId>('all');
  if (run.state.phase !== 'running') return null;
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const id = injectIdSchema.parse(`adhoc-${run.entries.length + 1}`);
    if (await submit({ type: 'inject.adhoc', id, title: title.trim(), body, channel, visibleTo: audience === 'all' ? 'all' : [audience] }, 'facilitator')) {
      setTitle('');
      setBody('');
    }
  };
  return (
    <details className="adhoc">
      <summary>Add an ad-hoc inject</summary>
      <form className="console-form" onSubmit={(e) => void add(e)} aria-label="Add an ad-hoc inject">
        <label className="field">
          <span>Title</span>
          <input type="text" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Channel</span>
            <select value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>For</span>
            <select value={audience} onChange={(e) => setAudience(e.currentTarget.value as 'all' | RoleId)}>
              <option value="all">The whole room</option>
              {run.pack.roles.map(({ role }) => (
                <option key={role} value={role}>Only the {ROLE_TITLES[role]}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>Message (Markdown)</span>
          <textarea value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!title.trim()}>Send</button>
      </form>
    </details>
  );
}
