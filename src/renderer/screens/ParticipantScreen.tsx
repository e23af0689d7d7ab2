/**
 * A participant's own device in the room (`#/join`, the address of the
 * room's QR code): join with the code, get or pick a role, then follow the
 * run as that role. A lost connection is retried; on reconnect the device
 * rejoins with its token and catches up from the log.
 */
import { useEffect } from 'react';
import { JoinForm } from '../components/room/JoinForm';
import { ParticipantRoleView } from '../components/room/ParticipantRoleView';
import { RolePicker } from '../components/room/RolePicker';
import { useStore } from '../store/store';
import '../components/room/room.css';

export function ParticipantScreen() {
  const self = useStore((s) => s.participant.self);
  const connected = useStore((s) => s.participant.connected);
  const connectionMessage = useStore((s) => s.participant.connectionMessage);
  const run = useStore((s) => (self && s.run?.runId === self.runId ? s.run : undefined));
  const rejoinRoom = useStore((s) => s.rejoinRoom);
  const leaveRoom = useStore((s) => s.leaveRoom);
  useEffect(() => {
    void rejoinRoom();
  }, [rejoinRoom]);
  return (
    <div className="participant-screen">
      <p className="participant-brand">V-AIM Command Trainer · room</p>
      {!connected ? (
        <p className="banner banner-warning" role="alert">
          {connectionMessage ?? 'Reconnecting…'} What you did is kept; you catch up when the connection is back.
        </p>
      ) : null}
      {body()}
    </div>
  );

  function body() {
    if (!self) return <JoinForm />;
    if (self.state !== 'joined') {
      return (
        <section className="card" aria-labelledby="left-title">
          <h1 id="left-title">{self.state === 'removed' ? 'You were removed from the room' : 'The room is closed'}</h1>
          <p>{self.state === 'removed' ? 'The facilitator removed you from the room.' : 'The facilitator closed the room, or the run has ended. Thank you for taking part.'}</p>
          <button type="button" onClick={leaveRoom}>
            Join again
          </button>
        </section>
      );
    }
    if (!self.role) return <RolePicker self={self} />;
    if (!run) return <p aria-busy="true">Opening the run…</p>;
    return <ParticipantRoleView run={run} role={self.role} name={self.name} />;
  }
}
