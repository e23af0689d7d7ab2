/**
 * The facilitator's room panel (facilitated runs): open the run to the room
 * — off by default — and then the join address, QR code and room code,
 * who has joined and in which role, their votes, and closing the room. It
 * says plainly that plain HTTP on a shared network can be read by others.
 */
import { useState, type FormEvent } from 'react';
import { formatRoomCode, ROOM_LIMITS, type RoomStatus } from '../../../shared/room';
import { call } from '../../api';
import type { ActiveRun } from '../../store/run-slice';
import { useStore } from '../../store/store';
import { errorText } from '../../store/errors';
import { QrCode } from './QrCode';
import { RoomRoster } from './RoomRoster';
import { useRoomStatus } from './useRoomStatus';
import './room.css';

export function RoomPanel({ run }: { readonly run: ActiveRun }) {
  const { status, update } = useRoomStatus(run.runId);
  const notify = useStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<RoomStatus>) => {
    setBusy(true);
    try {
      update(await work());
    } catch (error) {
      notify('error', `The room: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card room-panel" aria-labelledby="room-title">
      <h2 id="room-title">Room</h2>
      {status?.open ? (
        <OpenRoom status={status} run={run} busy={busy} onClose={() => void act(() => call('closeRoom', run.runId))} onChange={update} />
      ) : run.state.phase === 'ended' ? (
        <EndedRun released={status?.debriefReleased ?? false} busy={busy} onRelease={() => void act(() => call('releaseDebrief', run.runId))} />
      ) : (
        <OpenForm busy={busy} onOpen={(options) => void act(() => call('openRoom', run.runId, options))} />
      )}
    </section>
  );
}

function OpenForm({ busy, onOpen }: { readonly busy: boolean; readonly onOpen: (options: { allowRolePick: boolean; tls: boolean; cap: number }) => void }) {
  const [allowRolePick, setAllowRolePick] = useState(false);
  const [tls, setTls] = useState(false);
  const [cap, setCap] = useState<number>(ROOM_LIMITS.defaultCap);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onOpen({ allowRolePick, tls, cap });
  };
  return (
    <form onSubmit={submit}>
      <p className="hint">
        Let participants take part from their own phone or laptop on this network: each joins with a code and sees their role’s
        messages, brief, moves and decisions. The room is closed until you open it.
      </p>
      <div className="check-row">
        <input id="room-pick" type="checkbox" checked={allowRolePick} onChange={(e) => setAllowRolePick(e.currentTarget.checked)} />
        <label htmlFor="room-pick">Participants pick their own role</label>
      </div>
      <div className="check-row">
        <input id="room-tls" type="checkbox" checked={tls} onChange={(e) => setTls(e.currentTarget.checked)} />
        <label htmlFor="room-tls">Encrypt with HTTPS (a self-signed certificate; browsers ask participants to accept it)</label>
      </div>
      <label className="field room-cap">
        <span>Most participants</span>
        <input type="number" min={1} max={ROOM_LIMITS.maxCap} value={cap} onChange={(e) => setCap(Number(e.currentTarget.value) || 1)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Open the room
        </button>
      </div>
    </form>
  );
}

function OpenRoom(props: {
  readonly status: Extract<RoomStatus, { open: true }>;
  readonly run: ActiveRun;
  readonly busy: boolean;
  readonly onClose: () => void;
  readonly onChange: (next: RoomStatus) => void;
}) {
  const { status } = props;
  const [address, ...others] = status.addresses;
  return (
    <>
      {status.tls ? (
        <p className="banner banner-info">
          Encrypted (HTTPS, {status.tls.selfSigned ? 'self-signed' : 'your organisation’s'} certificate). Participants can check the certificate’s SHA-256 fingerprint:{' '}
          <code>{status.tls.fingerprint}</code>
        </p>
      ) : (
        <p className="banner banner-warning" role="note">
          The room uses plain HTTP: anyone else on this network could read what is sent (the scenario’s messages and the team’s moves). On a network
          you do not trust, close the room and open it again with HTTPS.
        </p>
      )}
      <div className="room-join">
        <QrCode size={status.qr.size} modules={status.qr.modules} label={`QR code of the join address ${address ?? ''}`} />
        <div>
          <p className="room-code-label">Room code</p>
          <p className="room-code" aria-label={`Room code ${status.code.split('').join(' ')}`}>
            {formatRoomCode(status.code)}
          </p>
          <p>
            Join at <code className="room-address">{address}</code>
          </p>
          {others.length > 0 ? <p className="hint">Also reachable at {others.map((a) => <code key={a}>{a} </code>)}</p> : null}
          <p className="hint">{status.options.allowRolePick ? 'Participants pick their role.' : 'You give each participant a role below.'} At most {status.options.cap} participants.</p>
        </div>
      </div>
      <RoomRoster status={status} run={props.run} onChange={props.onChange} />
      <div className="form-actions">
        <button type="button" onClick={props.onClose} disabled={props.busy}>
          Close the room
        </button>
      </div>
    </>
  );
}

function EndedRun({ released, busy, onRelease }: { readonly released: boolean; readonly busy: boolean; readonly onRelease: () => void }) {
  return (
    <>
      <p className="hint">The run has ended and the room is closed. The presenter window shows no reference answers until you release the debrief.</p>
      {released ? (
        <p role="status">The debrief is released to the presenter window.</p>
      ) : (
        <div className="form-actions">
          <button type="button" onClick={onRelease} disabled={busy}>
            Release the debrief to the presenter
          </button>
        </div>
      )}
    </>
  );
}
