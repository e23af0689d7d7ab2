/**
 * Properties of scoring over random runs: it never throws, stays within its
 * bounds, explains every line, and is deterministic (same inputs → deep-equal
 * report, also after a JSON round trip of the log).
 */
import { testRunId } from '../../ids';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src/engine/apply-command';
import type { Actor, Command } from '../../../src/engine/command-schema';
import { createRun } from '../../../src/engine/create-run';
import { simMinutes } from '../../../src/engine/sim-minutes';
import type { Pack } from '../../../src/engine/pack/schema';
import { ROLE_IDS, STAGES, TRACE_SECTIONS } from '../../../src/engine/pack/vocabulary';
import { buildDebrief, score } from '../../../src/engine/scoring';
import { ENGINE_VERSION, type LogEntry, type RunHeader } from '../../../src/engine/types';
import { loadPack } from '../../../src/main/packs/load-pack';
import { minimalPack } from './helpers';
import { written, type WrittenCommand } from '../helpers/run';

const actorArb: fc.Arbitrary<Actor> = fc.constantFrom(...ROLE_IDS, 'facilitator', 'system');

function commandArb(pack: Pack): fc.Arbitrary<Command> {
  const ids = (items: readonly { id: string }[]) => fc.constantFrom(...items.map((i) => i.id));
  const candidates = pack.reference.trace.rootCause.candidates;
  const arbs: fc.Arbitrary<WrittenCommand>[] = [
    fc.record({ type: fc.constant('role.assign' as const), role: fc.constantFrom(...ROLE_IDS), participant: fc.constantFrom('Ada', 'Ben') }),
    fc.constant({ type: 'run.start' as const }),
    fc.integer({ min: 0, max: pack.clock.end }).map((to) => ({ type: 'clock.advance' as const, to: simMinutes(to) })),
    fc.constant({ type: 'clock.jumpToNext' as const }),
    fc.integer({ min: 1, max: 5 }).map((level) => ({ type: 'severity.classify' as const, level: level as 1 | 2 | 3 | 4 | 5 })),
    fc.constantFrom('reliability', 'resilience', 'responsibility').map((category) => ({ type: 'r3ai.classify' as const, category })),
    fc.constantFrom(...pack.moves.map((m) => m.id)).map((move) => ({ type: 'move.make' as const, move })),
    fc.record({ type: fc.constant('decision.answer' as const), decision: fc.constantFrom(...pack.decisions.map((d) => d.id)), options: fc.constantFrom('v1', 'v3', 'v5').map((o) => [o]) }),
    fc.record({ type: fc.constant('inject.release' as const), inject: fc.constantFrom(...pack.injects.map((i) => i.id)) }),
    fc.record({ type: fc.constant('trace.rootCause' as const), candidate: ids(candidates) }),
    fc.record({ type: fc.constant('trace.reflect' as const), section: fc.constantFrom(...TRACE_SECTIONS), text: fc.constantFrom('', 'We learned.') }),
    fc.record({ type: fc.constant('trace.select' as const), section: fc.constantFrom('correction' as const, 'evolution' as const), ids: fc.subarray([...pack.reference.trace.corrections, ...pack.reference.trace.evolutions].map((c) => c.id)) }),
    fc.constant({ type: 'trace.actionItem.add' as const, id: 'a1', text: 'Do better', owner: 'incident-lead' as const, due: '2028-01-01' }),
    fc.constant({ type: 'run.end' as const }),
  ];
  return fc.oneof(...arbs).map(written);
}

/** Applies random commands, keeping the accepted ones as the log (as a session would). */
function randomRun(pack: Pack, seed: number, steps: readonly { by: Actor; command: Command }[]): { header: RunHeader; log: LogEntry[] } {
  const header: RunHeader = { runId: testRunId('prop'), engineVersion: ENGINE_VERSION, packId: pack.id, packVersion: pack.version, packHash: 'h', seed, mode: 'solo', createdAt: '2030-01-01T00:00:00Z', participants: [] };
  let state = createRun(pack, header);
  const log: LogEntry[] = [];
  for (const step of steps) {
    const result = applyCommand(pack, state, step);
    if (!result.ok) continue;
    state = result.value.state;
    log.push({ seq: log.length + 1, by: step.by, command: step.command });
  }
  return { header, log };
}

const runArb = (pack: Pack) =>
  fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    steps: fc.array(fc.record({ by: actorArb, command: commandArb(pack) }), { maxLength: 40 }),
  });

/** The bounds every report keeps, whatever the run. */
function checkBounds(pack: Pack, seed: number, steps: readonly { by: Actor; command: Command }[]): void {
  const { header, log } = randomRun(pack, seed, steps);
  const report = score(pack, header, log);
  expect(report.total).toBeGreaterThanOrEqual(0);
  expect(report.total).toBeLessThanOrEqual(100);
  let net = 0;
  for (const stage of STAGES) {
    const s = report.stages[stage];
    // Earned points stay within the stage's weight; penalties come on top, never absorbed by a floor.
    expect(s.earned).toBeGreaterThanOrEqual(0);
    expect(s.earned).toBeLessThanOrEqual(s.max + 0.05);
    expect(s.penalties).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeCloseTo(s.earned - s.penalties, 0);
    expect(s.points).toBeLessThanOrEqual(s.pointsMax);
    net += s.earned - s.penalties;
  }
  expect(Math.abs(report.total - Math.max(0, Math.min(100, net)))).toBeLessThanOrEqual(0.3);
  for (const l of report.lines) {
    expect(l.reason.trim()).not.toBe('');
    expect(l.reference.trim()).not.toBe('');
    if (l.kind === 'score') expect(l.points).toBeLessThanOrEqual(l.max);
    if (l.kind === 'penalty') expect(l.points).toBeLessThanOrEqual(0);
    expect(l.lost).toBeGreaterThanOrEqual(0);
  }
  // Every accepted entry replays; the notes a clean log can earn say how it was judged: a run ended early judged to
  // the end, a facilitator's changes to the scenario named.
  const notes = [/^The run was ended at .+, before the scenario's end .+: it is judged to the end/, /^The facilitator changed the scenario during the run: /];
  expect(report.warnings.filter((w) => !notes.some((note) => note.test(w)))).toEqual([]);
}

describe('scoring random runs of the minimal pack', () => {
  const pack = minimalPack();

  it('never throws, stays within bounds and explains every line', () => {
    fc.assert(fc.property(runArb(pack), ({ seed, steps }) => checkBounds(pack, seed, steps)), { numRuns: 150 });
  });

  it('is deterministic: same inputs (and a JSON round trip of them) give a deep-equal report and debrief', () => {
    fc.assert(
      fc.property(runArb(pack), ({ seed, steps }) => {
        const { header, log } = randomRun(pack, seed, steps);
        const again = JSON.parse(JSON.stringify({ header, log })) as { header: RunHeader; log: LogEntry[] };
        expect(score(pack, again.header, again.log)).toEqual(score(pack, header, log));
        // A fresh pack object (no cached reference) gives the same report too.
        expect(score(minimalPack(), header, log)).toEqual(score(pack, header, log));
        expect(buildDebrief(pack, again.header, again.log)).toEqual(buildDebrief(pack, header, log));
      }),
      { numRuns: 40 },
    );
  });
});

describe('scoring random runs of the flagship pack', () => {
  let pack: Pack;
  beforeAll(async () => {
    const loaded = await loadPack(new URL('../../../scenarios/biased-hiring', import.meta.url).pathname);
    if (!loaded.ok) throw new Error('the flagship pack does not load');
    pack = loaded.value.pack;
  });

  it('never throws, stays within bounds and explains every line', () => {
    fc.assert(fc.property(runArb(pack), ({ seed, steps }) => checkBounds(pack, seed, steps)), { numRuns: 60 });
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(runArb(pack), ({ seed, steps }) => {
        const { header, log } = randomRun(pack, seed, steps);
        expect(score(pack, header, log)).toEqual(score(pack, JSON.parse(JSON.stringify(header)), JSON.parse(JSON.stringify(log))));
      }),
      { numRuns: 20 },
    );
  });
});
