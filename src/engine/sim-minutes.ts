/**
 * Scenario minutes, as a unit. A `SimMinutes` is a time since the run
 * started or a span of scenario time, never real seconds or milliseconds:
 * it is made only by the pack's duration schema, the clock's commands
 * (`simMinutesSchema` in pack/primitives.ts), or the constructors here, and the helpers below keep sums in the unit.
 * Comparisons (`<`, `===`) work on it as on any number.
 */
/** The longest scenario time a pack or a command may give (about 19 years). */
export const MAX_SIM_MINUTES = 10_000_000;

declare const simMinutesBrand: unique symbol;

/** Scenario minutes (whole minutes in packs and commands; the clock never holds a fraction). */
export type SimMinutes = number & { readonly [simMinutesBrand]: 'SimMinutes' };

/** `n` scenario minutes. The one place a plain number becomes the unit. */
export const simMinutes = (n: number): SimMinutes => n as SimMinutes;

/** The start of a run, and a span of no time. */
export const START: SimMinutes = simMinutes(0);

/** One scenario minute: the clock's step. */
export const ONE_MINUTE: SimMinutes = simMinutes(1);

/** A time after every time: what is due when nothing is. */
export const NEVER: SimMinutes = simMinutes(Infinity);

/** The time `span` after `time` (or the sum of two spans). */
export const after = (time: SimMinutes, span: SimMinutes): SimMinutes => simMinutes(time + span);

/** The time `span` before `time`. */
export const before = (time: SimMinutes, span: SimMinutes): SimMinutes => simMinutes(time - span);

/** `span` times `factor` (rounded down to whole minutes, as the clock steps). */
export const scaled = (span: SimMinutes, factor: number): SimMinutes => simMinutes(Math.floor(span * factor));

/** The span from `from` to `to` (negative when `to` is earlier). */
export const between = (from: SimMinutes, to: SimMinutes): SimMinutes => simMinutes(to - from);

/** The later of some times. */
export const latest = (...times: readonly SimMinutes[]): SimMinutes => simMinutes(Math.max(...times));

/** The earlier of some times. */
export const earliest = (...times: readonly SimMinutes[]): SimMinutes => simMinutes(Math.min(...times));
