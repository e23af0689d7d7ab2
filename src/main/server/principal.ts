/**
 * Who is at the other end of a connection. `owner`: the facilitator's (or
 * solo learner's) own app — an Electron window, or the browser page opened
 * with the key `npm start` printed; `presenter`: the projector view;
 * `guest`: a device on the room's network that has not joined yet;
 * `participant`: a device that joined with the room code (its token).
 */
import type { RunId } from '../../engine';
import type { RoleId } from '../../engine';
import type { Audience } from './projection/audience';

export type Principal =
  | { readonly kind: 'owner' }
  | { readonly kind: 'presenter' }
  | { readonly kind: 'guest'; readonly remote: string }
  | { readonly kind: 'participant'; readonly participantId: string; readonly remote: string };

/** What the room knows that projections need. */
export type RoomLookup = {
  readonly debriefReleased: (runId: RunId) => boolean;
  readonly participant: (participantId: string) => { readonly runId: RunId; readonly role: RoleId | null } | undefined;
};

/**
 * The audience a principal reads a run as, or undefined when it may not read
 * that run at all (a guest; a participant and another run).
 */
export function audienceOf(principal: Principal, runId: RunId, room: RoomLookup): Audience | undefined {
  switch (principal.kind) {
    case 'owner':
      return { kind: 'facilitator' };
    case 'presenter':
      return { kind: 'presenter', debriefReleased: room.debriefReleased(runId) };
    case 'guest':
      return undefined;
    case 'participant': {
      const seat = room.participant(principal.participantId);
      return seat && seat.runId === runId ? { kind: 'participant', role: seat.role } : undefined;
    }
  }
}
