/**
 * Pacing: where the scenario clock must stop, and when a stretch of scenario
 * time is "quiet" enough to skip. Pure functions of a pack and a run state,
 * shared by `clock.jumpToNext`, the session's quiet-period skipping, the
 * play-time estimate and the views.
 *
 * A jump or a skip never passes, without stopping there:
 * - a timed inject's scheduled minute, or a pending item (a move taking
 *   effect, a delayed triggered inject);
 * - the last minute an open decision can still be answered (`dueAt - 1`),
 *   and then the minute it expires;
 * - a running regulatory clock's warning point (`dueAt - DEADLINE_WARNING_MINUTES`)
 *   and its deadline;
 * - any minute at which something happens that no schedule predicts (a
 *   triggered inject fires, a decision opens, a clock starts or runs out):
 *   `clock.jumpToNext` steps minute by minute and stops at the first one.
 */
import type { RunState, SimMinutes } from './types';
import type { DecisionId, InjectId, ObligationId } from './pack/primitives';
import { before, earliest, ONE_MINUTE, simMinutes } from './sim-minutes';
import { entriesOf } from './records';

/** A regulatory clock is "near" when its deadline is at most this far away. */
export const DEADLINE_WARNING_MINUTES = simMinutes(120);


/**
 * Real seconds of calm the session waits (no team command, nothing new
 * happening) before it skips a quiet period: time to read what just arrived.
 */
export const QUIET_GRACE_SECONDS = 20;

/** Why the clock stops at a minute. */
export type StopReason =
  | { readonly kind: 'timed-inject'; readonly injectId: InjectId }
  | { readonly kind: 'delayed-inject'; readonly injectId: InjectId }
  | { readonly kind: 'move-effective'; readonly moveIndex: number }
  | { readonly kind: 'decision-last-minute'; readonly decisionId: DecisionId }
  | { readonly kind: 'decision-expires'; readonly decisionId: DecisionId }
  | { readonly kind: 'deadline-near'; readonly obligationId: ObligationId }
  | { readonly kind: 'deadline'; readonly obligationId: ObligationId };

/** A minute at which the clock must stop, and why. */
export type Stop = { readonly at: SimMinutes; readonly reason: StopReason };

type PacingState = Pick<RunState, 'clock' | 'schedule' | 'fired' | 'pending' | 'decisions' | 'obligations'>;

/**
 * Every scheduled stop strictly after `now`, earliest first (ties in the
 * order listed in the module note). Triggered injects are not listed: no
 * schedule predicts them; the jump finds them by stepping.
 */
export function upcomingStops(state: PacingState): Stop[] {
  const now = state.clock.now;
  const stops: Stop[] = [];
  const add = (at: SimMinutes | undefined, reason: StopReason) => {
    if (at !== undefined && at > now) stops.push({ at, reason });
  };
  for (const [injectId, at] of entriesOf(state.schedule)) {
    if (state.fired[injectId] === undefined) add(at, { kind: 'timed-inject', injectId });
  }
  for (const item of state.pending) {
    add(item.at, item.kind === 'inject' ? { kind: 'delayed-inject', injectId: item.injectId } : { kind: 'move-effective', moveIndex: item.moveIndex });
  }
  for (const [decisionId, record] of entriesOf(state.decisions)) {
    if (record.status !== 'open' || record.dueAt === undefined) continue;
    add(before(record.dueAt, ONE_MINUTE), { kind: 'decision-last-minute', decisionId });
    add(record.dueAt, { kind: 'decision-expires', decisionId });
  }
  for (const [obligationId, record] of entriesOf(state.obligations)) {
    if (record.status !== 'running') continue;
    add(before(record.dueAt, DEADLINE_WARNING_MINUTES), { kind: 'deadline-near', obligationId });
    add(record.dueAt, { kind: 'deadline', obligationId });
  }
  return stops.sort((a, b) => a.at - b.at);
}

/**
 * When an inject that has not arrived is due: its scheduled time or, once its
 * condition held, the end of its delay (the earlier of the two). Undefined
 * when it has arrived or nothing has it due yet.
 */
export function injectDueAt(state: Pick<RunState, 'schedule' | 'fired' | 'pending'>, injectId: InjectId): SimMinutes | undefined {
  if (state.fired[injectId] !== undefined) return undefined;
  const scheduled = state.schedule[injectId];
  const pending = state.pending.find((p) => p.kind === 'inject' && p.injectId === injectId)?.at;
  if (scheduled === undefined) return pending;
  return pending === undefined ? scheduled : earliest(scheduled, pending);
}

/** The earliest scheduled stop after `now`, or undefined when nothing is scheduled. */
export function nextStop(state: PacingState): Stop | undefined {
  let best: Stop | undefined;
  for (const stop of upcomingStops(state)) if (best === undefined || stop.at < best.at) best = stop;
  return best;
}

/**
 * Where a jump from now aims: the next scheduled stop, or the scenario end
 * when nothing is scheduled (a triggered inject on the way still stops it).
 * Undefined when the clock is already at the end.
 */
export function jumpTarget(state: PacingState): SimMinutes | undefined {
  const { now, end } = state.clock;
  if (now >= end) return undefined;
  return earliest(nextStop(state)?.at ?? end, end);
}

/** What keeps a stretch of time from being quiet (empty when it is quiet). */
export type QuietBlocker =
  | { readonly kind: 'not-running' }
  | { readonly kind: 'paused' }
  | { readonly kind: 'open-decision'; readonly decisionId: string }
  | { readonly kind: 'deadline-near'; readonly obligationId: string };

/**
 * Why the run is not in a quiet period: the clock is not running, a
 * decision is open, or a running regulatory clock is within
 * `DEADLINE_WARNING_MINUTES` of its deadline. Delayed effects and injects do
 * not block: they are where a skip stops.
 */
export function quietBlockers(state: Pick<RunState, 'phase' | 'clock' | 'decisions' | 'obligations'>): QuietBlocker[] {
  if (state.phase !== 'running') return [{ kind: 'not-running' }];
  const blockers: QuietBlocker[] = [];
  if (state.clock.paused) blockers.push({ kind: 'paused' });
  for (const [decisionId, record] of entriesOf(state.decisions)) {
    if (record.status === 'open') blockers.push({ kind: 'open-decision', decisionId });
  }
  for (const [obligationId, record] of entriesOf(state.obligations)) {
    if (record.status === 'running' && record.dueAt - state.clock.now <= DEADLINE_WARNING_MINUTES) blockers.push({ kind: 'deadline-near', obligationId });
  }
  return blockers;
}

/** True when nothing needs the team now: the session may skip to the next event. */
export const isQuietPeriod = (state: Pick<RunState, 'phase' | 'clock' | 'decisions' | 'obligations'>): boolean => quietBlockers(state).length === 0;

/**
 * A fingerprint of what the team can see happen (feed, moves taking
 * effect, decisions and regulatory clocks changing status). When it
 * changes, something new arrived and the quiet-period grace starts again.
 */
export function activityMark(state: Pick<RunState, 'feed' | 'moves' | 'decisions' | 'obligations' | 'severity' | 'r3ai' | 'phase'>): string {
  const effective = state.moves.reduce((n, m) => n + (m.effective ? 1 : 0), 0);
  const decisions = Object.values(state.decisions).map((d) => d.status[0]).join('');
  const obligations = Object.values(state.obligations).map((o) => o.status[0]).join('');
  return `${state.phase}|${state.feed.length}|${state.moves.length}/${effective}|${state.severity.length}|${state.r3ai.length}|${decisions}|${obligations}`;
}
