/**
 * The room's channels as the facilitator's own windows see them. The
 * participant channels are refused here: they only make sense on a room
 * connection, where the gateway answers them (gateway.ts).
 */
import { IpcFailure, type Handlers } from '../../ipc/dispatcher';
import type { RoomService } from './room-service';

type RoomHandlers = Pick<
  Handlers,
  'openRoom' | 'closeRoom' | 'getRoom' | 'assignRoomRole' | 'removeParticipant' | 'releaseDebrief' | 'joinRoom' | 'resumeRoom' | 'pickRole' | 'castVote'
>;

const participantsOnly = (): never => {
  throw new IpcFailure('forbidden', 'Participants join from their own device, at the room’s address.');
};

export function createRoomHandlers(room: RoomService): RoomHandlers {
  return {
    openRoom: (runId, options) => room.open(runId, options),
    closeRoom: (runId) => room.close(runId),
    getRoom: (runId) => room.status(runId),
    assignRoomRole: (runId, participantId, role) => room.assignRole(runId, participantId, role),
    removeParticipant: (runId, participantId) => room.remove(runId, participantId),
    releaseDebrief: (runId) => room.releaseDebrief(runId),
    joinRoom: participantsOnly,
    resumeRoom: participantsOnly,
    pickRole: participantsOnly,
    castVote: participantsOnly,
  };
}
