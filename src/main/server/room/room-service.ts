/**
 * The room of a facilitated run: participants on their own devices. At most
 * one room is open at a time. Opening starts the LAN listener with a fresh
 * code; closing the room — or the run ending or closing — stops it and
 * invalidates every token, so an old code or token never works again.
 * Participants' commands go through the same session as everything else,
 * as their role; a role given to a participant is recorded with
 * `role.assign` so the debrief names who held it.
 */
import type { DecisionId, OptionId, RunId } from '../../../engine';
import { encode } from 'uqr';
import { decisionOptionIds, err, parseSubmission, ROLE_IDS, ROLE_TITLES, type Command, type Pack, type RoleId } from '../../../engine';
import type { EventName, IpcEvents } from '../../../shared/ipc';
import { ROOM_LIMITS, type DecisionVotes, type JoinRequest, type JoinResult, type ParticipantSelf, type RoomOptions, type RoomParticipant, type RoomStatus, type RoomTls } from '../../../shared/room';
import type { SubmitRequest, SubmitResult } from '../../../shared/runs';
import { IpcFailure } from '../../ipc/dispatcher';
import type { SessionManager } from '../../sessions/session-manager';
import { createBucket, createKeyedBuckets, type RateLimit } from '../rate-limit';
import { participantRefusal } from './authority';
import { codeMatches, newRoomCode, newToken, tokenDigest } from './room-code';

/** The LAN side of the room: started when a room opens, stopped when it closes. */
export type RoomNetwork = {
  readonly start: (options: { readonly tls: boolean }) => Promise<{ readonly addresses: readonly string[]; readonly tls: RoomTls | null }>;
  readonly stop: () => Promise<void>;
};

/** Join attempts allowed per remote address and overall. */
export const JOIN_LIMITS: { readonly perAddress: RateLimit; readonly overall: RateLimit } = {
  perAddress: { burst: 5, perSecond: 5 / 60 },
  overall: { burst: 30, perSecond: 30 / 60 },
};
/** Commands a participant may submit (a person taps, a script floods). */
export const COMMAND_LIMIT: RateLimit = { burst: 10, perSecond: 2 };

type Participant = {
  readonly id: string;
  readonly name: string;
  readonly digest: string;
  role: RoleId | null;
  connections: number;
  readonly joinedAt: string;
  commands: number;
  readonly commandBucket: { readonly take: () => boolean };
};

type OpenRoom = {
  readonly runId: RunId;
  readonly pack: Pack;
  readonly code: string;
  readonly options: RoomOptions;
  readonly addresses: readonly string[];
  readonly qr: { readonly size: number; readonly modules: string };
  readonly tls: RoomTls | null;
  readonly participants: Map<string, Participant>;
  readonly votes: Map<DecisionId, Map<string, readonly string[]>>;
  readonly unsubscribe: () => void;
};

export type RoomServiceOptions = {
  readonly sessions: SessionManager;
  readonly network: () => RoomNetwork | undefined;
  readonly publish: <E extends EventName>(event: E, payload: IpcEvents[E]) => void;
  /** Drops every connection of a participant (after they were told why). */
  readonly disconnect: (participantId: string) => void;
  /** Monotonic ms for rate limits. */
  readonly now: () => number;
  readonly wallNow?: () => Date;
  readonly newCode?: () => string;
};

/** The room service. */
export type RoomService = ReturnType<typeof createRoomService>;

export function createRoomService(options: RoomServiceOptions) {
  const { sessions, now } = options;
  const wallNow = options.wallNow ?? (() => new Date());
  let room: OpenRoom | undefined;
  let nextId = 1;
  const released = new Set<string>();
  const joinsByAddress = createKeyedBuckets(JOIN_LIMITS.perAddress, now);
  const joinsOverall = createBucket(JOIN_LIMITS.overall, now);

  const status = (runId: RunId): RoomStatus => {
    if (!room || room.runId !== runId) return { runId, open: false, debriefReleased: released.has(runId) };
    const state = sessions.state(runId);
    const votes: Record<string, DecisionVotes> = {};
    for (const [decisionId, byParticipant] of room.votes) {
      if (state?.decisions[decisionId]?.status !== 'open') continue;
      const tally: Record<string, string[]> = {};
      for (const [participantId, choice] of byParticipant) {
        const name = room.participants.get(participantId)?.name;
        if (name === undefined) continue;
        for (const option of choice) (tally[option] ??= []).push(name);
      }
      votes[decisionId] = tally;
    }
    return {
      runId,
      open: true,
      code: room.code,
      addresses: room.addresses,
      qr: room.qr,
      options: room.options,
      tls: room.tls,
      participants: [...room.participants.values()].map(describe),
      votes,
      debriefReleased: released.has(runId),
    };
  };

  const describe = (p: Participant): RoomParticipant => ({ participantId: p.id, name: p.name, role: p.role, connected: p.connections > 0, joinedAt: p.joinedAt, commands: p.commands });

  const selfOf = (current: OpenRoom, p: Participant, state: ParticipantSelf['state'] = 'joined'): ParticipantSelf => ({
    participantId: p.id,
    runId: current.runId,
    name: p.name,
    role: p.role,
    pickableRoles: current.options.allowRolePick ? playedRoles(current.pack) : [],
    state,
  });

  const playedRoles = (pack: Pack): RoleId[] => {
    const played = new Set(pack.roles.map((r) => r.role));
    return ROLE_IDS.filter((role) => played.has(role));
  };

  const changed = (current: OpenRoom, participants: readonly Participant[] = []) => {
    options.publish('roomStatus', status(current.runId));
    for (const p of participants) options.publish('roomSelf', selfOf(current, p));
  };

  /** Records who holds a role in the run's log (the names of every participant holding it). */
  const recordRole = async (current: OpenRoom, role: RoleId) => {
    const names = [...current.participants.values()].filter((p) => p.role === role).map((p) => p.name);
    if (names.length === 0) return;
    const participant = names.join(', ').slice(0, 200);
    if (sessions.state(current.runId)?.roles[role]?.toLowerCase() === participant.toLowerCase()) return;
    const command: Command = { type: 'role.assign', role, participant };
    await sessions.submit(current.runId, { by: 'facilitator', command });
  };

  const requireRoom = (runId: RunId): OpenRoom => {
    if (!room || room.runId !== runId) throw new IpcFailure('not-found', 'The room of this run is not open.');
    return room;
  };

  const close = async (): Promise<void> => {
    const current = room;
    if (!current) return;
    room = undefined;
    current.unsubscribe();
    for (const p of current.participants.values()) {
      options.publish('roomSelf', selfOf(current, p, 'closed'));
      options.disconnect(p.id);
    }
    await options.network()?.stop();
    options.publish('roomStatus', status(current.runId));
  };

  const participantByToken = (token: string): { current: OpenRoom; participant: Participant } => {
    const digest = tokenDigest(token);
    const participant = room && [...room.participants.values()].find((p) => p.digest === digest);
    if (!room || !participant) throw new IpcFailure('rejected', 'This invitation is no longer valid: join again with the room code.');
    return { current: room, participant };
  };

  const participantById = (participantId: string): { current: OpenRoom; participant: Participant } => {
    const participant = room?.participants.get(participantId);
    if (!room || !participant) throw new IpcFailure('rejected', 'You are no longer in the room: join again with the room code.');
    return { current: room, participant };
  };

  return {
    status,
    /** Whether the presenter may see the debrief of a run. */
    debriefReleased: (runId: RunId) => released.has(runId),
    /** The open room's run and a participant's role (for projections and authority). */
    participant: (participantId: string): { readonly runId: RunId; readonly role: RoleId | null } | undefined => {
      const p = room?.participants.get(participantId);
      return room && p ? { runId: room.runId, role: p.role } : undefined;
    },

    open: async (runId: RunId, roomOptions: RoomOptions): Promise<RoomStatus> => {
      const opened = await sessions.open(runId);
      if (!opened.ok) throw new IpcFailure('not-found', opened.error.message);
      const view = opened.value;
      if (view.header.mode !== 'facilitated') throw new IpcFailure('rejected', 'Only a facilitated run can be opened to the room.');
      if (view.status === 'ended') throw new IpcFailure('rejected', 'This run has ended; the room opens only while a run is under way.');
      if (room?.runId === runId) return status(runId);
      const network = options.network();
      if (!network) throw new IpcFailure('failed', 'The room needs the app’s network server, which this shell does not have.');
      if (room) await close();
      const started = await network.start({ tls: roomOptions.tls });
      if (started.addresses.length === 0) {
        await network.stop();
        throw new IpcFailure('failed', 'This computer is not on a network: connect it to the room’s Wi-Fi and try again.');
      }
      const subscription = sessions.subscribe(runId, (event) => {
        const endsRoom = (event.type === 'status' && event.status === 'ended') || event.type === 'closed';
        if (endsRoom && room?.runId === runId) void close();
      });
      const first = started.addresses[0]!;
      const qr = encode(first, { ecc: 'M', border: 2 });
      room = {
        runId,
        pack: view.pack.pack,
        code: (options.newCode ?? newRoomCode)(),
        options: { ...roomOptions, cap: Math.max(1, Math.min(ROOM_LIMITS.maxCap, Math.floor(roomOptions.cap))) },
        addresses: started.addresses,
        qr: { size: qr.size, modules: qr.data.map((row) => row.map((dark) => (dark ? '1' : '0')).join('')).join('') },
        tls: started.tls,
        participants: new Map(),
        votes: new Map(),
        unsubscribe: subscription.ok ? subscription.value.unsubscribe : () => {},
      };
      changed(room);
      return status(runId);
    },

    close: async (runId: RunId): Promise<RoomStatus> => {
      if (room?.runId === runId) await close();
      return status(runId);
    },

    closeAny: () => close(),

    assignRole: async (runId: RunId, participantId: string, role: RoleId | null): Promise<RoomStatus> => {
      const current = requireRoom(runId);
      const p = current.participants.get(participantId);
      if (!p) throw new IpcFailure('not-found', 'That participant is not in the room.');
      if (role !== null && !playedRoles(current.pack).includes(role)) throw new IpcFailure('invalid-arguments', `This pack does not play the ${ROLE_TITLES[role]} role.`);
      p.role = role;
      if (role) await recordRole(current, role);
      changed(current, [p]);
      return status(runId);
    },

    remove: async (runId: RunId, participantId: string): Promise<RoomStatus> => {
      const current = requireRoom(runId);
      const p = current.participants.get(participantId);
      if (!p) throw new IpcFailure('not-found', 'That participant is not in the room.');
      current.participants.delete(participantId);
      for (const votes of current.votes.values()) votes.delete(participantId);
      options.publish('roomSelf', selfOf(current, p, 'removed'));
      options.disconnect(participantId);
      changed(current);
      return status(runId);
    },

    releaseDebrief: (runId: RunId): RoomStatus => {
      const state = sessions.state(runId);
      if (state && state.phase !== 'ended') throw new IpcFailure('rejected', 'The debrief can be released once the run has ended.');
      released.add(runId);
      options.publish('roomStatus', status(runId));
      return status(runId);
    },

    join: async (request: JoinRequest, remote: string): Promise<JoinResult & { readonly participantId: string }> => {
      if (!joinsByAddress.take(remote) || !joinsOverall.take()) {
        throw new IpcFailure('rate-limited', 'Too many attempts to join: wait a minute and try again.');
      }
      const current = room;
      if (!current || !codeMatches(request.code, current.code)) throw new IpcFailure('rejected', 'That room code is not right (or the room has closed). Check the code on the screen.');
      if (current.participants.size >= current.options.cap) throw new IpcFailure('rejected', `The room is full (${current.options.cap} participants).`);
      const name = uniqueName(current, request.name);
      const token = newToken();
      const setupRole = roleNamedFor(current.runId, name);
      const picked = request.role && current.options.allowRolePick && playedRoles(current.pack).includes(request.role) ? request.role : null;
      const participant: Participant = {
        id: `p${nextId++}`,
        name,
        digest: tokenDigest(token),
        role: picked ?? setupRole,
        connections: 0,
        joinedAt: wallNow().toISOString(),
        commands: 0,
        commandBucket: createBucket(COMMAND_LIMIT, now),
      };
      current.participants.set(participant.id, participant);
      if (participant.role) await recordRole(current, participant.role);
      changed(current);
      return { token, participantId: participant.id, self: selfOf(current, participant) };
    },

    resume: (token: string): JoinResult & { readonly participantId: string } => {
      const { current, participant } = participantByToken(token);
      return { token, participantId: participant.id, self: selfOf(current, participant) };
    },

    pickRole: async (participantId: string, role: RoleId): Promise<ParticipantSelf> => {
      const { current, participant } = participantById(participantId);
      if (!current.options.allowRolePick) throw new IpcFailure('forbidden', 'The facilitator gives out the roles in this room.');
      if (!playedRoles(current.pack).includes(role)) throw new IpcFailure('invalid-arguments', `This scenario does not play the ${ROLE_TITLES[role]} role.`);
      participant.role = role;
      await recordRole(current, role);
      changed(current, [participant]);
      return selfOf(current, participant);
    },

    /** A participant's command, checked against their role; refusals change nothing. */
    submit: async (participantId: string, runId: RunId, request: SubmitRequest): Promise<SubmitResult> => {
      const { current, participant } = participantById(participantId);
      if (runId !== current.runId) throw new IpcFailure('forbidden', 'You can only take part in the run you joined.');
      const parsed = parseSubmission(request);
      if (!parsed.ok) return err({ code: 'invalid-command', message: parsed.error });
      const { by, command } = parsed.value;
      const refusal = participantRefusal(current.pack, participant.role, by, command);
      if (refusal) throw new IpcFailure('forbidden', refusal);
      // Refusals are bounded by the socket's message limit; what reaches the session is bounded here.
      if (!participant.commandBucket.take()) throw new IpcFailure('rate-limited', 'Too many commands at once: wait a moment.');
      const result = await sessions.submit(runId, { by, command });
      if (result.ok) {
        participant.commands += 1;
        options.publish('roomStatus', status(runId));
      }
      return result;
    },

    vote: (participantId: string, runId: RunId, decisionId: DecisionId, choice: readonly OptionId[]): null => {
      const { current, participant } = participantById(participantId);
      if (runId !== current.runId) throw new IpcFailure('forbidden', 'You can only take part in the run you joined.');
      if (participant.role === null) throw new IpcFailure('forbidden', 'You have no command role yet.');
      const decision = current.pack.decisions.find((d) => d.id === decisionId);
      if (!decision || sessions.state(runId)?.decisions[decision.id]?.status !== 'open') throw new IpcFailure('rejected', 'That decision is not open.');
      const valid = decisionOptionIds(current.pack, decision.id);
      if (choice.length === 0 || choice.some((o) => !valid.has(o)) || new Set(choice).size !== choice.length) throw new IpcFailure('invalid-arguments', 'Those are not options of this decision.');
      const votes = current.votes.get(decision.id) ?? new Map<string, readonly string[]>();
      votes.set(participantId, [...choice]);
      current.votes.set(decision.id, votes);
      options.publish('roomStatus', status(runId));
      return null;
    },

    /** A participant's connection opened or closed (the roster shows who is connected). */
    connected: (participantId: string, delta: 1 | -1): void => {
      const p = room?.participants.get(participantId);
      if (!room || !p) return;
      p.connections = Math.max(0, p.connections + delta);
      options.publish('roomStatus', status(room.runId));
    },
  };

  function roleNamedFor(runId: RunId, name: string): RoleId | null {
    const roles = sessions.state(runId)?.roles ?? {};
    const wanted = name.trim().toLowerCase();
    const match = ROLE_IDS.find((role) => roles[role]?.trim().toLowerCase() === wanted);
    return match ?? null;
  }
}

function uniqueName(current: OpenRoom, typed: string): string {
  // Control characters are dropped: the name is shown on the facilitator's screen and in the log.
  const base = typed.replace(/\p{Cc}/gu, '').trim().slice(0, ROOM_LIMITS.nameMax) || 'Participant';
  const taken = new Set([...current.participants.values()].map((p) => p.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
