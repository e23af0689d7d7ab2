/**
 * The strategy zoo played and checked: every strategy of a pack scored, and
 * the invariants every debrief must keep whatever the strategy.
 */

/** Playing a whole zoo takes seconds (tens of runs, each replayed and scored): what its `beforeAll` may take. */
export const ZOO_TIMEOUT = 180_000;
import { testRunId } from '../../ids';
import { expect } from 'vitest';
import { buildDebrief, explore, playPolicy, playScript, strategyZoo, greedyPolicies, type Debrief, type Pack, type RunState, type ScoreReport } from '../../../src/engine';

/** A played strategy: its report and debrief. */
export type Played = { readonly name: string; readonly report: ScoreReport; readonly debrief: Debrief; readonly skipped: number };

/** Every strategy of the zoo and every greedy policy, played with `seed` and scored. */
export function playZoo(pack: Pack, seed = 1): Map<string, Played> {
  const out = new Map<string, Played>();
  for (const strategy of strategyZoo(pack)) {
    const run = playScript(pack, strategy.script, { seed, skipRefused: true, runId: testRunId(`zoo-${strategy.name}`) });
    // The debrief holds the score report: one replay per strategy.
    const debrief = buildDebrief(pack, run.header, run.log);
    out.set(strategy.name, { name: strategy.name, report: debrief.score, debrief, skipped: run.skipped.length });
  }
  for (const policy of greedyPolicies()) {
    const run = playPolicy(pack, policy, seed);
    const debrief = buildDebrief(pack, run.header, run.log);
    out.set(policy.name, { name: policy.name, report: debrief.score, debrief, skipped: 0 });
  }
  return out;
}

/** The pack's injects that no zoo strategy, no extra run and no random exploration (8 runs) reached, in pack order. */
export function injectsNeverReached(pack: Pack, zoo: ReadonlyMap<string, Played>, runs: Iterable<{ readonly state: RunState }>): string[] {
  const fired = new Set<string>();
  for (const { state } of runs) for (const id of Object.keys(state.fired)) fired.add(id);
  for (const played of zoo.values()) for (const e of played.debrief.timeline.team) if (e.kind === 'inject') fired.add(e.key.replace(/^inject:/, ''));
  for (const [id, n] of Object.entries(explore(pack, { random: 8 }).coverage.injects)) if (n > 0) fired.add(id);
  return pack.injects.map((i) => i.id).filter((id) => !fired.has(id));
}

/** Words that must never reach a learner: the pack's own ids and author jargon. */
function internalIds(pack: Pack): RegExp[] {
  const ids = [...pack.moves.map((m) => m.id), ...pack.decisions.map((d) => d.id), ...pack.obligations.map((o) => o.id)].filter((id) => id.includes('-'));
  return [
    /reference\.(required|forbidden|severity|timeline)\[/,
    /\bminute \d+/,
    /\btolerance\)/,
    ...ids.map((id) => new RegExp(`(^|[^\\w-])${id.replace(/[-]/g, '\\-')}([^\\w-]|$)`)),
  ];
}

/** The invariants of one played strategy (a failing one names the strategy). */
export function checkInvariants(pack: Pack, played: Played): void {
  const { report, debrief, name } = played;
  expect(report.total, name).toBeGreaterThanOrEqual(0);
  expect(report.total, name).toBeLessThanOrEqual(100);
  // The gate statement says what the state history says, and agrees with the Recover lines.
  const breaches = report.lines.filter((l) => l.id.startsWith('recover.breach.'));
  expect(debrief.gate.respected, `${name}: gate`).toBe(breaches.length === 0);
  expect(debrief.gate.statement.startsWith(breaches.length === 0 ? 'Recovery gate respected' : 'Recovery gate breached'), `${name}: ${debrief.gate.statement}`).toBe(true);
  expect(debrief.gate.restarts.filter((r) => r.unmet.length > 0).length, name).toBe(breaches.length);
  // One verdict per act and deadline: every line that judges an act against the same thing agrees (an act that meets
  // two obligations is judged against each clock), and the timeline shows the same verdict.
  const timings = new Map<string, Set<string>>();
  for (const l of report.lines) {
    if (!l.act || !l.timing) continue;
    const key = `${l.act} against ${l.topic ?? l.id}`;
    timings.set(key, new Set([...(timings.get(key) ?? []), l.timing]));
  }
  for (const [act, set] of timings) expect(set.size, `${name}: ${act} has verdicts ${[...set].join(', ')}`).toBe(1);
  for (const event of debrief.timeline.team) {
    if (!event.verdict) continue;
    if (event.verdict.includes('on time')) expect(event.verdict, `${name}: ${event.label}`).not.toMatch(/late|never/);
  }
  // A harmful or forbidden act is never listed as containment.
  const harmful = pack.moves.filter((m) => m.marks?.includes('harmful') || pack.reference.forbidden.some((f) => f.move === m.id)).map((m) => m.label);
  const began = debrief.trace[0]?.facts.find((f) => f.label === 'Containment began')?.text ?? '';
  for (const label of harmful) expect(began, `${name}: containment began with a harmful act`).not.toContain(label);
  // No internal ids or author jargon in learner-facing text.
  const texts = [
    ...report.lines.flatMap((l) => [l.reason, l.reference, l.lesson ?? '']),
    ...debrief.lessons.flatMap((l) => [l.what, l.instead]),
    debrief.gate.statement,
    ...debrief.trace.flatMap((s) => s.facts.map((f) => f.text)),
    ...debrief.timeline.team.map((e) => `${e.label} ${e.flag ?? ''} ${e.verdict ?? ''}`),
  ];
  for (const pattern of internalIds(pack)) {
    const hit = texts.find((t) => pattern.test(t));
    expect(hit, `${name}: learner-facing text matches ${pattern}`).toBeUndefined();
  }
  // Lessons are the biggest losses, biggest first.
  const lost = debrief.lessons.map((l) => l.lost);
  expect(lost, name).toEqual([...lost].sort((a, b) => b - a));
}

/** The lesson the debrief leads with. */
export const biggestLoss = (played: Played) => played.debrief.lessons[0];
