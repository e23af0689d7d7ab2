/**
 * Time for people in the views: the engine's one scenario-time formatter
 * (src/engine/time.ts, the same as the reports and the CLI use), composed
 * with the run's speed for real-time countdowns. No formatting of its own.
 */
import { formatRealSeconds, formatSpan, realSecondsFor } from '../../engine';
import type { RunState, SimMinutes } from '../../engine';

/**
 * "20 s": the real time `minutes` of scenario time take at the clock's speed
 * now, or "clock paused" while it stands.
 */
export function realTime(state: Pick<RunState, 'clock' | 'phase'>, minutes: SimMinutes): string {
  if (state.phase !== 'running' || state.clock.paused) return 'clock paused';
  return formatRealSeconds(realSecondsFor(minutes, state.clock.compression));
}

/** "2h 10m · 43 s": how far ahead something is, in scenario time and, while the clock runs, in real time. */
export function inTime(state: Pick<RunState, 'clock' | 'phase'>, minutes: SimMinutes): string {
  const real = realTime(state, minutes);
  return state.phase === 'running' && !state.clock.paused ? `${formatSpan(minutes)} · ${real}` : formatSpan(minutes);
}

/** "59m left · 20 s": a countdown in scenario time and in real time at this speed. */
export function countdown(state: Pick<RunState, 'clock' | 'phase'>, minutes: SimMinutes): string {
  return `${formatSpan(minutes)} left · ${realTime(state, minutes)}`;
}

