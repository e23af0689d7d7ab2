/**
 * Quiet-period skipping for a live session (runs whose header has
 * `skipQuietPeriods`). When nothing needs the team — no prompt open, no
 * regulatory clock within its warning window, the clock running (the
 * engine's `isQuietPeriod`) — and nothing has happened for
 * QUIET_GRACE_SECONDS of real time (no command from the team, nothing new in
 * the run), the session writes a `clock.jumpToNext` by `system`, logged like
 * any jump. The jump stops at the next event, so a skip never passes one.
 * Pure: the caller passes monotonic time.
 */
import { activityMark, isQuietPeriod, jumpTarget, QUIET_GRACE_SECONDS, type Command, type RunState } from '../../engine';

/** The skipper of one session. */
export type QuietSkipper = {
  /** The team (or facilitator) did something: the calm starts again. */
  readonly noteActivity: (mono: number) => void;
  /** The jump to write now, if this is a quiet period that has lasted the grace time. */
  readonly due: (state: RunState, mono: number) => Command | undefined;
};

/** A skip saves at least this much real ticking; shorter gaps simply tick. */
const MIN_SAVED_SECONDS = 2;

/** Creates the skipper (it never skips when `enabled` is false). */
export function createQuietSkipper(enabled: boolean, mono: number, graceMs = QUIET_GRACE_SECONDS * 1000): QuietSkipper {
  let calmSince = mono;
  let mark: string | undefined;
  return {
    noteActivity: (at) => {
      calmSince = at;
    },
    due: (state, at) => {
      const next = activityMark(state);
      if (next !== mark) {
        mark = next;
        calmSince = at;
        return undefined;
      }
      if (!enabled || !isQuietPeriod(state) || at - calmSince < graceMs) return undefined;
      const target = jumpTarget(state);
      if (target === undefined || (target - state.clock.now) / state.clock.compression < MIN_SAVED_SECONDS) return undefined;
      calmSince = at;
      return { type: 'clock.jumpToNext' };
    },
  };
}
