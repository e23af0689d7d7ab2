/**
 * The room: participants taking part in a facilitated run from their own
 * devices (a phone or laptop on the room's network). DTOs shared by main
 * (src/main/server/room) and the renderer's room and participant screens.
 */
import type { RunId } from '../engine';
import type { RoleId } from '../engine';

/** Room codes: 8 characters of Crockford base32 (no I, L, O, U), 40 bits; shown as `ABCD-EFGH`. */
export const ROOM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ROOM_CODE_LENGTH = 8;

/** Limits of a room (the facilitator may lower the participant cap when opening it). */
export const ROOM_LIMITS = {
  /** Default and highest participant cap. */
  defaultCap: 30,
  maxCap: 60,
  nameMax: 60,
} as const;

/** How the facilitator opens a run to the room. */
export type RoomOptions = {
  /** Participants may pick their own command role (otherwise the facilitator assigns it). */
  readonly allowRolePick: boolean;
  /** Serve the room over HTTPS with a self-signed certificate (or the one named by VAIM_ROOM_TLS_CERT/KEY). */
  readonly tls: boolean;
  /** Most participants at once (1..ROOM_LIMITS.maxCap). */
  readonly cap: number;
};

/** One participant as the facilitator sees them. */
export type RoomParticipant = {
  readonly participantId: string;
  readonly name: string;
  readonly role: RoleId | null;
  readonly connected: boolean;
  /** ISO wall time they joined. */
  readonly joinedAt: string;
  /** Commands accepted from them in this room. */
  readonly commands: number;
};

/** The votes cast on one open decision: option id → names of the participants who chose it. */
export type DecisionVotes = Readonly<Record<string, readonly string[]>>;

/** The TLS certificate a room is served with. */
export type RoomTls = {
  /** SHA-256 fingerprint (colon-separated hex) participants can compare with what their browser shows. */
  readonly fingerprint: string;
  readonly selfSigned: boolean;
};

/** What the facilitator's room panel shows. */
export type RoomStatus =
  | { readonly runId: RunId; readonly open: false; readonly debriefReleased: boolean }
  | {
      readonly runId: RunId;
      readonly open: true;
      readonly code: string;
      /** Join addresses, one per network interface (the first is the one the QR code holds). */
      readonly addresses: readonly string[];
      /** The QR code of the first address: `size`×`size` modules, row by row, '1' dark. */
      readonly qr: { readonly size: number; readonly modules: string };
      readonly options: RoomOptions;
      readonly tls: RoomTls | null;
      readonly participants: readonly RoomParticipant[];
      /** Votes per decision id. */
      readonly votes: Readonly<Record<string, DecisionVotes>>;
      readonly debriefReleased: boolean;
    };

/** What a participant sends to join. */
export type JoinRequest = { readonly code: string; readonly name: string; readonly role?: RoleId };

/** A participant's own standing in the room, pushed to them as `roomSelf` whenever it changes. */
export type ParticipantSelf = {
  readonly participantId: string;
  readonly runId: RunId;
  readonly name: string;
  readonly role: RoleId | null;
  /** Roles they may pick from (empty when the facilitator assigns roles). */
  readonly pickableRoles: readonly RoleId[];
  /** `closed`: the room was closed or the run ended; `removed`: the facilitator removed them. */
  readonly state: 'joined' | 'closed' | 'removed';
};

/** The answer to a join or resume: the participant's token (keep it to rejoin) and their standing. */
export type JoinResult = { readonly token: string; readonly self: ParticipantSelf };

/** Formats a room code for display: `ABCD-EFGH`. */
export function formatRoomCode(code: string): string {
  return code.length === ROOM_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
