/**
 * Pacing: a jump (and so a quiet-period skip, which is a jump) never passes
 * a triggered inject, an open or opening prompt or a regulatory deadline
 * without stopping there. Checked against a model of the stop rule on random
 * runs of the test packs and the flagship.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { entriesOf, applyCommand, DEADLINE_WARNING_MINUTES, isQuietPeriod, nextStop, quietBlockers, type Fact, type Pack, type RunState, simMinutes } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';
import { buildLog, sequenceArbitrary } from './helpers/command-arbitrary';
import { buildPack, jitteredPack } from './helpers/pack-builder';
import { accept, advance, startedRun, testHeader } from './helpers/run';
import { testDecisionId, testInjectId, testMoveId, testVariableId } from '../ids';

/** The stop rule, written independently of pacing.ts: every scheduled minute a jump must not pass. */
function modelTarget(state: RunState): number {
  const { now, end } = state.clock;
  const candidates: number[] = [];
  for (const [id, at] of entriesOf(state.schedule)) if (state.fired[id] === undefined) candidates.push(at);
  for (const p of state.pending) candidates.push(p.at);
  for (const d of Object.values(state.decisions)) if (d.status === 'open' && d.dueAt !== undefined) candidates.push(d.dueAt - 1, d.dueAt);
  for (const o of Object.values(state.obligations)) if (o.status === 'running') candidates.push(o.dueAt - DEADLINE_WARNING_MINUTES, o.dueAt);
  return Math.min(end, ...candidates.filter((at) => at > now));
}

/** The jump as a model: advance one minute at a time until something happens or the target is reached. */
function modelJump(pack: Pack, state: RunState): { state: RunState; facts: Fact[] } {
  const target = modelTarget(state);
  let current = state;
  const facts: Fact[] = [];
  while (current.clock.now < target && facts.length === 0) {
    const result = applyCommand(pack, current, { by: 'system', command: { type: 'clock.advance', to: simMinutes(current.clock.now + 1) } });
    if (!result.ok) throw new Error(result.error.message);
    current = result.value.state;
    facts.push(...result.value.facts);
  }
  return { state: current, facts };
}

/** What must hold after any jump from `before`. */
function checkJump(pack: Pack, before: RunState): void {
  const result = applyCommand(pack, before, { by: 'facilitator', command: { type: 'clock.jumpToNext' } });
  if (before.clock.now >= before.clock.end) {
    expect(result.ok).toBe(false);
    return;
  }
  if (!result.ok) throw new Error(`jump refused at ${before.clock.now}: ${result.error.message}`);
  const after = result.value.state;
  const now = after.clock.now;
  expect(now).toBeGreaterThan(before.clock.now);
  // Nothing happened before the minute the jump stopped at: a triggered inject, an opening or
  // expiring prompt, a starting or overdue clock all stop it.
  for (const fact of result.value.facts) expect(fact.at).toBe(now);
  for (const [id, at] of entriesOf(before.schedule)) if (before.fired[id] === undefined && at > before.clock.now) expect(now).toBeLessThanOrEqual(at);
  for (const p of before.pending) expect(now).toBeLessThanOrEqual(p.at);
  for (const [id, d] of entriesOf(before.decisions)) {
    if (d.status !== 'open' || d.dueAt === undefined) continue;
    // An open prompt expires in a jump only when the jump started at its last minute.
    if (after.decisions[id]?.status === 'expired') expect(before.clock.now).toBe(d.dueAt - 1);
    else if (before.clock.now < d.dueAt - 1) expect(now).toBeLessThanOrEqual(d.dueAt - 1);
  }
  for (const o of Object.values(before.obligations)) {
    if (o.status !== 'running') continue;
    if (before.clock.now < o.dueAt - DEADLINE_WARNING_MINUTES) expect(now).toBeLessThanOrEqual(o.dueAt - DEADLINE_WARNING_MINUTES);
    if (before.clock.now < o.dueAt) expect(now).toBeLessThanOrEqual(o.dueAt);
  }
  // And it is exactly the model's jump.
  const model = modelJump(pack, before);
  expect(after).toStrictEqual(model.state);
  expect(result.value.facts).toStrictEqual(model.facts);
}

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

function jumpsFromEveryState(pack: Pack, runs: number, maxLength: number): void {
  fc.assert(
    fc.property(seed, sequenceArbitrary(pack, maxLength), (s, intents) => {
      for (const state of buildLog(pack, testHeader(pack, s), intents).states) {
        if (state.phase === 'running') checkJump(pack, state);
      }
    }),
    { numRuns: runs },
  );
}

describe('jumps never pass an event', () => {
  it('on random runs of the test pack, from every state', () => {
    jumpsFromEveryState(jitteredPack(), 120, 30);
  });

  it('pressing "next event" again and again through a whole run stops at every inject and never lets a prompt expire unseen', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const pack = jitteredPack();
        let state = startedRun(pack, s);
        while (state.phase === 'running' && state.clock.now < state.clock.end) {
          const before = state;
          const result = applyCommand(pack, state, { by: 'facilitator', command: { type: 'clock.jumpToNext' } });
          if (!result.ok) throw new Error(result.error.message);
          state = result.value.state;
          for (const fact of result.value.facts) expect(fact.at).toBe(state.clock.now);
          for (const [id, d] of entriesOf(before.decisions)) {
            if (state.decisions[id]?.status === 'expired' && d.status === 'open') expect(before.clock.now).toBe((d.dueAt ?? 0) - 1);
          }
        }
        // Every inject the run triggered is in the feed, in firing order.
        const times = state.feed.map((f) => f.at);
        expect(times).toStrictEqual([...times].sort((a, b) => a - b));
      }),
      { numRuns: 30 },
    );
  });
});

describe('the flagship pack', () => {
  let flagship: Pack;
  beforeAll(async () => {
    const loaded = await loadPack(fileURLToPath(new URL('../../scenarios/biased-hiring', import.meta.url)));
    if (!loaded.ok) throw new Error('the flagship pack does not load');
    flagship = loaded.value.pack;
  });

  it('jumps never pass an event on random runs of the flagship', () => {
    jumpsFromEveryState(flagship, 8, 12);
  });

  it('the 2,000-applications memo and its decision are never jumped over', () => {
    // The case: jumping through Day 2 passed the backlog memo and let its 2-hour decision expire.
    let state = startedRun(flagship);
    const seen = new Set<string>();
    while (state.phase === 'running' && state.clock.now < state.clock.end) {
      if (state.vars[testVariableId('aware')] === true && state.moves.length === 0) state = accept(flagship, state, 'technical-lead', { type: 'move.make', move: testMoveId('suspend-model') }).state;
      for (const [id, d] of entriesOf(state.decisions)) if (d.status === 'open') seen.add(id);
      const before = state;
      state = accept(flagship, state, 'facilitator', { type: 'clock.jumpToNext' }).state;
      for (const [id, d] of entriesOf(state.decisions)) {
        if (d.status === 'expired' && before.decisions[id]?.status !== 'expired') expect(seen.has(id), `${id} expired unseen`).toBe(true);
        if (before.decisions[id] === undefined) expect(d.openedAt, `${id} opened inside a jump`).toBe(state.clock.now);
      }
      for (const item of state.feed.slice(before.feed.length)) expect(item.at, `${item.injectId} fired inside a jump`).toBe(state.clock.now);
    }
    expect(state.fired[testInjectId('restart-push')]).toBeDefined();
    expect(seen).toContain('restart-pressure');
    for (const id of Object.keys(state.decisions)) expect(seen).toContain(id);
  });
});

describe('quiet periods', () => {
  const pack = buildPack();

  it('are not quiet while a decision is open or a regulatory clock is within two hours of its deadline', () => {
    const atAlert = advance(pack, startedRun(pack), 30); // `sev` open; `report` due at 150
    expect(quietBlockers(atAlert).map((b) => b.kind)).toEqual(['open-decision', 'deadline-near']);
    const answered = accept(pack, atAlert, 'incident-lead', { type: 'decision.answer', decision: testDecisionId('sev'), options: ['v4'] }).state;
    expect(quietBlockers(answered).map((b) => b.kind)).toEqual(['deadline-near']);
    const met = accept(pack, answered, 'legal-lead', { type: 'move.make', move: testMoveId('notify-msa') }).state;
    expect(isQuietPeriod(met)).toBe(true);
  });

  it('are not quiet while paused or before the start', () => {
    const paused = accept(pack, startedRun(pack), 'facilitator', { type: 'clock.pause' }).state;
    expect(isQuietPeriod(paused)).toBe(false);
  });

  it('on random runs: quiet only when no prompt is open and no deadline is near', () => {
    const jittered = jitteredPack();
    fc.assert(
      fc.property(seed, sequenceArbitrary(jittered, 30), (s, intents) => {
        for (const state of buildLog(jittered, testHeader(jittered, s), intents).states) {
          const open = Object.values(state.decisions).some((d) => d.status === 'open');
          const near = Object.values(state.obligations).some((o) => o.status === 'running' && o.dueAt - state.clock.now <= DEADLINE_WARNING_MINUTES);
          expect(isQuietPeriod(state)).toBe(state.phase === 'running' && !state.clock.paused && !open && !near);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('names the next stop and why', () => {
    expect(nextStop(startedRun(pack))).toEqual({ at: 30, reason: { kind: 'timed-inject', injectId: 'alert' } });
  });
});
