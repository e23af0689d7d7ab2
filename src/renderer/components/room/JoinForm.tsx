/** A participant joins the room: the code on the facilitator's screen and their name. */
import { useState, type FormEvent } from 'react';
import { ROOM_CODE_LENGTH, ROOM_LIMITS } from '../../../shared/room';
import { useStore } from '../../store/store';

export function JoinForm() {
  const joinRoom = useStore((s) => s.joinRoom);
  const busy = useStore((s) => s.participant.busy);
  const error = useStore((s) => s.participant.error);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void joinRoom(code, name);
  };
  return (
    <form className="card join-form" onSubmit={submit} aria-labelledby="join-title">
      <h1 id="join-title">Join the exercise</h1>
      <p className="hint">Enter the room code shown on the facilitator’s screen and the name the team knows you by.</p>
      <label className="field">
        <span>Room code</span>
        <input
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={ROOM_CODE_LENGTH + 4}
          required
          placeholder="ABCD-EFGH"
        />
      </label>
      <label className="field">
        <span>Your name</span>
        <input value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="name" maxLength={ROOM_LIMITS.nameMax} required />
      </label>
      {error ? (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !code.trim() || !name.trim()}>
          Join
        </button>
      </div>
    </form>
  );
}
