/** On the projector while the room is open: how to join — the QR code, the address and the room code. */
import type { RunId } from '../../../engine';
import { formatRoomCode } from '../../../shared/room';
import { QrCode } from './QrCode';
import { useRoomStatus } from './useRoomStatus';
import './room.css';

export function RoomJoinCard({ runId }: { readonly runId: RunId }) {
  const { status } = useRoomStatus(runId);
  if (!status?.open) return null;
  const address = status.addresses[0] ?? '';
  return (
    <section className="card room-join-card" aria-labelledby="join-card-title">
      <h2 id="join-card-title">Join from your phone or laptop</h2>
      <div className="room-join">
        <QrCode size={status.qr.size} modules={status.qr.modules} label={`QR code of the join address ${address}`} />
        <div>
          <p>
            Open <code className="room-address">{address}</code>
          </p>
          <p className="room-code-label">Room code</p>
          <p className="room-code">{formatRoomCode(status.code)}</p>
        </div>
      </div>
    </section>
  );
}
