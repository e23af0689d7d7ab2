/**
 * A participant's device in the room: joining with the room code, rejoining
 * with the token after a reload or a lost connection, and their standing
 * (role, room closed, removed). The run itself is followed by the run slice,
 * over the projection main sends this device (its role's view).
 */
import type { DecisionId, OptionId, RoleId } from '../../engine';
import type { ParticipantSelf } from '../../shared/room';
import { call, subscribe } from '../api';
import { errorText } from './errors';
import type { SliceCreator } from './store';

const TOKEN_KEY = 'vaim-room-token';

export type ParticipantSlice = {
  readonly participant: {
    readonly self: ParticipantSelf | undefined;
    readonly busy: boolean;
    readonly error: string | undefined;
    /** False while the device has lost its connection to the room. */
    readonly connected: boolean;
    readonly connectionMessage: string | undefined;
  };
  readonly joinRoom: (code: string, name: string) => Promise<boolean>;
  /** Rejoins with the kept token (on load and after a lost connection); false when there is none or it expired. */
  readonly rejoinRoom: () => Promise<boolean>;
  readonly pickRole: (role: RoleId) => Promise<void>;
  readonly castVote: (decisionId: DecisionId, options: readonly OptionId[]) => Promise<boolean>;
  readonly leaveRoom: () => void;
};

let unsubscribers: (() => void)[] = [];

export const createParticipantSlice: SliceCreator<ParticipantSlice> = (set, get) => {
  const setSelf = (self: ParticipantSelf | undefined) =>
    set((d) => {
      d.participant.self = self as never;
      d.participant.busy = false;
      d.participant.error = undefined;
    });

  /**
   * Follows the run the participant joined, afresh: main projects the run for the participant's role, so a new
   * role means a new projection (its brief, its injects), and a reconnect catches up from the log this way.
   */
  const follow = async (self: ParticipantSelf) => {
    setSelf(self);
    if (self.state !== 'joined') return;
    get().leaveRun();
    get().setActingAs(self.role ?? 'incident-lead');
    await get().openRun(self.runId);
  };

  const listen = () => {
    if (unsubscribers.length > 0) return;
    unsubscribers = [
      subscribe('roomSelf', (self) => {
        const before = get().participant.self;
        if (self.state !== 'joined') {
          localStorage.removeItem(TOKEN_KEY);
          setSelf(self);
          return;
        }
        if (!before || before.runId !== self.runId || before.role !== self.role) void follow(self);
        else setSelf(self);
      }),
      subscribe('connection', ({ connected, message }) => {
        set((d) => {
          d.participant.connected = connected;
          d.participant.connectionMessage = message;
        });
        if (connected) void get().rejoinRoom();
      }),
    ];
  };

  const enter = async (request: () => Promise<{ token: string; self: ParticipantSelf }>): Promise<boolean> => {
    set((d) => {
      d.participant.busy = true;
      d.participant.error = undefined;
    });
    listen();
    try {
      const { token, self } = await request();
      localStorage.setItem(TOKEN_KEY, token);
      await follow(self);
      return true;
    } catch (error) {
      set((d) => {
        d.participant.busy = false;
        d.participant.error = errorText(error);
      });
      return false;
    }
  };

  return {
    participant: { self: undefined, busy: false, error: undefined, connected: true, connectionMessage: undefined },
    joinRoom: (code, name) => enter(() => call('joinRoom', { code, name })),
    rejoinRoom: async () => {
      const token = localStorage.getItem(TOKEN_KEY);
      if (!token) return false;
      const ok = await enter(() => call('resumeRoom', token));
      if (!ok) {
        localStorage.removeItem(TOKEN_KEY);
        // An expired invitation is not an error to show: the join form explains what to do.
        set((d) => void (d.participant.error = undefined));
      }
      return ok;
    },
    pickRole: async (role) => {
      try {
        await follow(await call('pickRole', role));
      } catch (error) {
        set((d) => void (d.participant.error = errorText(error)));
      }
    },
    castVote: async (decisionId, options) => {
      const run = get().run;
      if (!run) return false;
      try {
        await call('castVote', run.runId, decisionId, [...options]);
        return true;
      } catch (error) {
        set((d) => void (d.participant.error = errorText(error)));
        return false;
      }
    },
    leaveRoom: () => {
      localStorage.removeItem(TOKEN_KEY);
      get().leaveRun();
      setSelf(undefined);
    },
  };
};
