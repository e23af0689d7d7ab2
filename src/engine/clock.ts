/**
 * The simulated clock: minute-by-minute stepping with accrual, due items and
 * settle. Each minute is cheap when nothing happens: the next due time is
 * kept between minutes, accrual is skipped when no variable accrues, and a
 * quiet minute re-checks only the conditions that can have changed.
 */
import type { Ctx, Outcome } from './context';
import { applyEffects, clamp, fireInject } from './effects';
import { makeMoveEffective } from './moves';
import type { InjectId } from './pack/primitives';
import type { LimbInfo, ObligationInfo, SettleCandidates, TriggeredInject } from './pack-index';
import { settleScoped } from './settle';
import { NEVER, simMinutes, type SimMinutes } from './sim-minutes';

/**
 * Steps the clock from `now` to `to` (inclusive), one minute at a time:
 * accrual, `now = m`, due items, settle, hourly harm sample.
 */
export function advanceTo(ctx: Ctx, to: SimMinutes): Outcome {
  const state = ctx.state;
  const accrues = ctx.index.accruals.length > 0;
  let nextDue = nextDueTime(ctx);
  let live = liveQuiet(ctx);
  for (let m = state.clock.now + 1; m <= to; m += 1) {
    const accrued = accrues && accrue(ctx);
    state.clock.now = simMinutes(m);
    const events = m >= nextDue && processDue(ctx);
    const settled = settleScoped(ctx, events ? ctx.index.all : accrued ? live.accrual : live.time);
    if (typeof settled !== 'boolean') return settled;
    if (events || settled || m >= nextDue) {
      nextDue = nextDueTime(ctx);
      live = liveQuiet(ctx);
    }
    if (m % 60 === 0) sampleHarms(ctx);
  }
  return undefined;
}

/** Samples every harm counter at `now` (hourly, and when the run ends), unless already sampled at `now`. */
export function sampleHarms(ctx: Ctx): void {
  const state = ctx.state;
  const now = state.clock.now;
  const last = state.harmSeries[state.harmSeries.length - 1];
  if (last !== undefined && last[0] === now) return;
  state.harmSeries.push([now, harmOf(state.vars[ctx.pack.metrics.harm])]);
  for (const harm of ctx.pack.metrics.harms) {
    const series = state.otherHarmSeries[harm.var];
    if (series !== undefined) state.otherHarmSeries[harm.var] = [...series, [now, harmOf(state.vars[harm.var])]];
  }
}

/**
 * The triggered injects and obligations a quiet minute must re-check: those
 * not yet fired or started whose gate holds. Gates only change on events,
 * so this is recomputed only after one.
 */
function liveQuiet(ctx: Ctx): { readonly time: SettleCandidates; readonly accrual: SettleCandidates } {
  return { time: live(ctx, ctx.index.quiet.time), accrual: live(ctx, ctx.index.quiet.accrual) };
}

function live(ctx: Ctx, candidates: SettleCandidates): SettleCandidates {
  const state = ctx.state;
  const injects: TriggeredInject[] = [];
  const obligations: ObligationInfo[] = [];
  const limbs: LimbInfo[] = [];
  for (const t of candidates.injects) {
    if (state.fired[t.id] === undefined && (t.gate === undefined || t.gate(state))) injects.push(t);
  }
  for (const o of candidates.obligations) {
    if (state.obligations[o.id] === undefined && (o.gate === undefined || o.gate(state))) obligations.push(o);
  }
  for (const l of candidates.limbs) {
    const record = state.obligations[l.obligationId];
    const waiting = record !== undefined && (record.status === 'running' || record.status === 'overdue') && record.limbs?.[l.index] === null;
    if (waiting && (l.gate === undefined || l.gate(state))) limbs.push(l);
  }
  return { injects, obligations, limbs };
}

/** The harm metric as a number (0 if the pack's harm variable is not a number). */
export const harmOf = (value: number | boolean | string | undefined): number => (typeof value === 'number' ? value : 0);

/**
 * Accrual for one minute. Every guard and rate is read on the state before
 * the minute (so pack order does not matter), then all increments apply.
 * Returns whether any variable changed.
 */
function accrue(ctx: Ctx): boolean {
  const vars = ctx.state.vars;
  const rules = ctx.index.accruals;
  const deltas: number[] = [];
  for (const rule of rules) {
    if (rule.while !== undefined && !rule.while.test(ctx.state)) {
      deltas.push(0);
      continue;
    }
    const rate = typeof rule.rate === 'number' ? rule.rate : vars[rule.rate];
    deltas.push(typeof rate === 'number' ? rate / rule.divisor : 0);
  }
  let changed = false;
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i];
    const delta = deltas[i] ?? 0;
    const current = rule === undefined ? undefined : vars[rule.id];
    if (rule === undefined || delta === 0 || typeof current !== 'number') continue;
    const next = clamp(current + delta, rule);
    if (next !== current) {
      vars[rule.id] = next;
      changed = true;
      if (ctx.index.service?.vars.has(rule.id)) ctx.service = { dirty: true, cause: undefined };
    }
  }
  return changed;
}

/**
 * Everything due at `now`, in this order: delayed move effects (in the order
 * the moves were made), timed injects (by scheduled time, then pack order),
 * delayed triggered injects (pack order), expiring decisions (pack order).
 * Returns whether anything was due.
 */
export function processDue(ctx: Ctx): boolean {
  const state = ctx.state;
  const now = state.clock.now;
  let happened = false;
  const dueMoves = state.pending.filter((p) => p.kind === 'move-effects' && p.at <= now);
  if (dueMoves.length > 0) {
    state.pending = state.pending.filter((p) => !(p.kind === 'move-effects' && p.at <= now));
    const order = dueMoves.map((p) => (p.kind === 'move-effects' ? p.moveIndex : -1)).sort((a, b) => a - b);
    for (const moveIndex of order) makeMoveEffective(ctx, moveIndex);
    happened = true;
  }
  const dueTimed: { id: InjectId; at: number; index: number }[] = [];
  for (const index of ctx.index.timed) {
    const id = ctx.pack.injects[index]?.id;
    if (id === undefined) continue;
    const at = state.schedule[id];
    if (at !== undefined && at <= now && state.fired[id] === undefined) dueTimed.push({ id, at, index });
  }
  if (dueTimed.length > 0) {
    dueTimed.sort((a, b) => a.at - b.at || a.index - b.index);
    for (const t of dueTimed) fireInject(ctx, t.id, false);
    happened = true;
  }
  const dueInjects = state.pending.filter((p) => p.kind === 'inject' && p.at <= now);
  if (dueInjects.length > 0) {
    state.pending = state.pending.filter((p) => !(p.kind === 'inject' && p.at <= now));
    const ids = dueInjects.flatMap((p) => (p.kind === 'inject' ? [p.injectId] : []));
    ids.sort((a, b) => (ctx.index.injects.get(a)?.index ?? 0) - (ctx.index.injects.get(b)?.index ?? 0));
    for (const id of ids) fireInject(ctx, id, false);
    happened = true;
  }
  for (const [id, info] of ctx.index.decisions) {
    const record = state.decisions[id];
    if (record?.status !== 'open' || record.dueAt === undefined || record.dueAt > now) continue;
    state.decisions[id] = { ...record, status: 'expired', closedAt: now };
    ctx.facts.push({ type: 'decision.expired', at: now, decisionId: id });
    applyEffects(ctx, info.decision.onExpire?.effects, { kind: 'expiry', decisionId: id });
    happened = true;
  }
  return happened;
}

/**
 * The earliest time anything is scheduled: an unfired timed inject, a
 * pending item or an open decision's deadline (`Infinity` when nothing is).
 */
export function nextDueTime(ctx: Ctx, after: SimMinutes = simMinutes(-Infinity)): SimMinutes {
  const state = ctx.state;
  let next = NEVER;
  for (const index of ctx.index.timed) {
    const id = ctx.pack.injects[index]?.id;
    const at = id === undefined || state.fired[id] !== undefined ? undefined : state.schedule[id];
    if (at !== undefined && at > after && at < next) next = at;
  }
  for (const p of state.pending) if (p.at > after && p.at < next) next = p.at;
  for (const id of ctx.index.decisions.keys()) {
    const record = state.decisions[id];
    const at = record?.status === 'open' ? record.dueAt : undefined;
    if (at !== undefined && at > after && at < next) next = at;
  }
  return next;
}
