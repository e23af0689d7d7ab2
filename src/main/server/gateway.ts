/**
 * One dispatcher per connection, by who is connected (principal.ts). Every
 * call goes through the same validators as Electron IPC (createDispatcher);
 * what each principal may call is decided here, on the server: the
 * facilitator's windows get every channel; the presenter only reads a run
 * (projected); a guest on the room's network can only join; a participant
 * can read the run they joined (projected for their role) and submit, as
 * their role, what authority.ts allows.
 */
import { err } from '../../engine';
import { DEFAULT_SETTINGS, type AppInfo } from '../../shared/app';
import { CHANNELS } from '../../shared/ipc';
import { createDispatcher, IpcFailure, type Dispatch, type Handlers } from '../ipc/dispatcher';
import { validators } from '../ipc/validators';
import type { SessionManager } from '../sessions/session-manager';
import type { Principal } from './principal';
import { audienceOf } from './principal';
import { joinCard, projectSubmitResult, projectView } from './projection/project-view';
import type { RoomService } from './room/room-service';

/** A live connection: its principal (a guest becomes a participant by joining) and its dispatcher. */
export type Connection = {
  readonly principal: () => Principal;
  readonly dispatch: Dispatch;
  /** The connection closed: the room marks the participant disconnected. */
  readonly closed: () => void;
};

export type Gateway = { readonly connect: (initial: Principal) => Connection };

export type GatewayOptions = {
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  readonly sessions: SessionManager;
  readonly room: RoomService;
  readonly info: AppInfo;
  readonly log?: (message: string) => void;
};

/**
 * A dispatcher that serves only `allowed` channels: every other channel is
 * refused as `forbidden` before its arguments are even looked at (a refused
 * call learns nothing about what the channel would accept).
 */
function restrictedDispatcher(allowed: Partial<Handlers>, message: string, log?: (message: string) => void): Dispatch {
  const dispatch = createDispatcher({ ...refusing(message), ...allowed } as Handlers, validators, log);
  return async (channel, args) => {
    // An unknown channel is the dispatcher's "unknown channel"; a known one this principal may not use is forbidden.
    const known = (CHANNELS as readonly string[]).includes(channel);
    if (known && !Object.hasOwn(allowed, channel)) return { ok: false, error: { code: 'forbidden', message } };
    return dispatch(channel, args);
  };
}

function refusing(message: string): Handlers {
  const refuse = (): never => {
    throw new IpcFailure('forbidden', message);
  };
  // Every handler is the same function that never returns, so it stands for each channel's own signature.
  const handlers: Partial<Record<(typeof CHANNELS)[number], () => never>> = Object.fromEntries(CHANNELS.map((channel) => [channel, refuse]));
  return handlers as Handlers;
}

export function createGateway(options: GatewayOptions): Gateway {
  const { handlers, sessions, room } = options;
  // What a device that is not the facilitator's learns about the app: no data folder, no platform.
  const publicInfo: AppInfo = { ...options.info, platform: '', dataDirectory: '' };

  const presenter = (): Dispatch =>
    restrictedDispatcher(
      {
        getAppInfo: () => publicInfo,
        getSettings: handlers.getSettings,
        openRun: async (runId) => projectView(await handlers.openRun(runId), { kind: 'presenter', debriefReleased: room.debriefReleased(runId) }),
        getRoom: (runId) => joinCard(room.status(runId)),
      },
      'The presenter view only shows the run.',
      options.log,
    );

  const roomConnection = (initial: Extract<Principal, { kind: 'guest' | 'participant' }>): Connection => {
    let principal: Principal = initial;
    const seat = () => (principal.kind === 'participant' ? principal.participantId : undefined);
    const become = (participantId: string) => {
      if (seat() === participantId) return;
      const previous = seat();
      if (previous) room.connected(previous, -1);
      principal = { kind: 'participant', participantId, remote: initial.remote };
      room.connected(participantId, 1);
    };
    const mine = (): string => {
      const id = seat();
      if (!id) throw new IpcFailure('forbidden', 'Join the room first, with the code on the screen.');
      return id;
    };
    const dispatch = restrictedDispatcher(
      {
        getAppInfo: () => publicInfo,
        getSettings: () => DEFAULT_SETTINGS,
        joinRoom: async (request) => {
          if (seat()) throw new IpcFailure('forbidden', 'You are already in the room.');
          const { participantId, ...joined } = await room.join(request, initial.remote);
          become(participantId);
          return joined;
        },
        resumeRoom: (token) => {
          const { participantId, ...joined } = room.resume(token);
          become(participantId);
          return joined;
        },
        openRun: async (runId) => {
          const audience = audienceOf(principal, runId, room);
          // A participant only follows the live run they joined (never resumes another from the disk).
          if (!audience || !sessions.isLive(runId)) throw new IpcFailure('forbidden', 'You can only follow the run you joined.');
          return projectView(await handlers.openRun(runId), audience);
        },
        submitCommand: async (runId, request) => {
          const id = mine();
          const result = await room.submit(id, runId, request);
          const audience = audienceOf(principal, runId, room);
          return audience ? projectSubmitResult(result, audience) : err({ code: 'not-allowed', message: 'You are no longer in the room.' });
        },
        pickRole: (role) => room.pickRole(mine(), role),
        castVote: (runId, decisionId, choice) => room.vote(mine(), runId, decisionId, choice),
      },
      'Participants can only take part in the run they joined.',
      options.log,
    );
    return {
      principal: () => principal,
      dispatch,
      closed: () => {
        const id = seat();
        if (id) room.connected(id, -1);
      },
    };
  };

  return {
    connect: (initial) => {
      switch (initial.kind) {
        case 'owner':
          return { principal: () => initial, dispatch: options.dispatch, closed: () => {} };
        case 'presenter':
          return { principal: () => initial, dispatch: presenter(), closed: () => {} };
        case 'guest':
        case 'participant':
          return roomConnection(initial);
      }
    },
  };
}
