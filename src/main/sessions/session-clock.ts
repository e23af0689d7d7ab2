/**
 * The simulated clock of a live run, as pure functions of a monotonic time
 * (ms) so tests drive it with a fake clock. While the run is running and not
 * paused, scenario time grows by `realSeconds × compression`; whole minutes
 * are written as `clock.advance` entries (by `system`) at most once per real
 * second, the fraction is carried. See README.md for the gap policy.
 */
import { after, earliest, simMinutes, type Command, type RunState } from '../../engine';

/** Timing constants of the session clock (ms of real time). */
export type ClockTiming = {
  /** How often the session checks its clock. */
  readonly tickMs: number;
  /** At most one `clock.advance` per this interval (commands force one before them). */
  readonly advanceEveryMs: number;
  /** Real time counted per check at most: a stalled event loop catches up at most this much. */
  readonly maxCatchUpMs: number;
  /** A longer silence (the machine slept, the process was stopped) pauses the run instead. */
  readonly gapPauseMs: number;
};

/** The defaults: check 4× a second, write at most once a second, count ≤ 5 s per check, pause after 30 s of silence. */
export const DEFAULT_CLOCK_TIMING: ClockTiming = { tickMs: 250, advanceEveryMs: 1000, maxCatchUpMs: 5000, gapPauseMs: 30_000 };

/** Where the clock stands in real time. */
export type ClockTracker = {
  /** Monotonic time up to which real time has been counted (the anchor). */
  readonly lastMono: number;
  /** Scenario minutes counted but not written yet (fraction carried between advances). */
  readonly carry: number;
  /** When the session last wrote a `clock.advance`. */
  readonly lastAdvanceMono: number;
};

/** A tracker anchored at `mono`. */
export const startTracker = (mono: number): ClockTracker => ({ lastMono: mono, carry: 0, lastAdvanceMono: Number.NEGATIVE_INFINITY });

/** What the clock wants written now (system commands, in order) and the tracker after. */
export type ClockPlan = { readonly tracker: ClockTracker; readonly commands: readonly Command[] };

const EPSILON = 1e-9;

/**
 * Plans the clock at `mono`. `force` ignores the once-a-second limit (used
 * before a user command so it is stamped at the right minute).
 */
export function planClock(
  tracker: ClockTracker,
  run: Pick<RunState, 'phase' | 'clock'>,
  mono: number,
  force: boolean,
  timing: ClockTiming = DEFAULT_CLOCK_TIMING,
): ClockPlan {
  if (run.phase !== 'running') return { tracker: { ...tracker, lastMono: mono }, commands: [] };
  const { now, end, paused, compression } = run.clock;
  let carry = tracker.carry;
  let gapMs = 0;
  if (!paused) {
    const elapsed = Math.max(0, mono - tracker.lastMono);
    if (elapsed > timing.gapPauseMs) gapMs = elapsed;
    else carry += (Math.min(elapsed, timing.maxCatchUpMs) / 1000) * compression;
  }
  const commands: Command[] = [];
  let lastAdvanceMono = tracker.lastAdvanceMono;
  let reached = now;
  const whole = Math.floor(carry + EPSILON);
  if (whole >= 1 && (force || gapMs > 0 || mono - tracker.lastAdvanceMono >= timing.advanceEveryMs)) {
    reached = earliest(end, after(now, simMinutes(whole)));
    carry = reached === end ? 0 : Math.max(0, carry - whole);
    commands.push({ type: 'clock.advance', to: reached });
    lastAdvanceMono = mono;
  }
  if (reached >= end) {
    commands.push({ type: 'run.end', reason: 'The scenario clock reached the end of the scenario.' });
  } else if (gapMs > 0) {
    commands.push({ type: 'clock.pause' });
    commands.push({ type: 'note.add', text: gapNote(gapMs) });
  }
  return { tracker: { lastMono: mono, carry, lastAdvanceMono }, commands };
}

/** The note written when the clock pauses itself after a gap. */
export function gapNote(gapMs: number): string {
  const seconds = Math.round(gapMs / 1000);
  const span = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
  return `Clock paused automatically: the app was not running its clock for ${span} (the computer may have slept or been busy). Scenario time did not advance during the gap. Resume when the team is ready.`;
}
