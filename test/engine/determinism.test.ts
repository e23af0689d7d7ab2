import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand, createRun, replay, type LogEntry, type RunState, simMinutes } from '../../src/engine';
import { applyToDraft } from '../../src/engine/apply-command';
import { draftOf } from '../../src/engine/draft';
import { buildLog, commandOf, sequenceArbitrary } from './helpers/command-arbitrary';
import { jitteredPack } from './helpers/pack-builder';
import { testHeader } from './helpers/run';
import { testInjectId } from '../ids';

const pack = jitteredPack();
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

function finalState(log: readonly LogEntry[], s: number): RunState {
  const result = replay(pack, testHeader(pack, s), log);
  if (!result.ok) throw new Error(`replay refused entry ${result.error.seq}: ${result.error.rejection.message}`);
  return result.value.state;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('determinism', () => {
  it('same seed and log give deep-equal states', () => {
    fc.assert(
      fc.property(seed, sequenceArbitrary(pack), (s, intents) => {
        const { log, states } = buildLog(pack, testHeader(pack, s), intents);
        expect(finalState(log, s)).toStrictEqual(finalState(log, s));
        expect(finalState(log, s)).toStrictEqual(states[states.length - 1]);
      }),
      { numRuns: 150 },
    );
  });

  it('every state survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(seed, sequenceArbitrary(pack), (s, intents) => {
        for (const state of buildLog(pack, testHeader(pack, s), intents).states) {
          expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('replay equals live application entry by entry', () => {
    fc.assert(
      fc.property(seed, sequenceArbitrary(pack, 25), (s, intents) => {
        const header = testHeader(pack, s);
        const { log, states } = buildLog(pack, header, intents);
        for (let upTo = 0; upTo <= log.length; upTo += 1) {
          const result = replay(pack, header, log, { upTo });
          expect(result.ok && result.value.state).toStrictEqual(states[upTo]);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('splitting clock advances into smaller ones gives the same final state', () => {
    fc.assert(
      fc.property(seed, sequenceArbitrary(pack), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (s, intents, cuts) => {
        const { log, states } = buildLog(pack, testHeader(pack, s), intents);
        const split: LogEntry[] = [];
        log.forEach((entry, i) => {
          const command = entry.command;
          if (command.type === 'clock.advance') {
            const from = states[i]?.clock.now ?? 0;
            const points = [...new Set(cuts.map((c) => from + Math.floor(c * (command.to - from))))].filter((t) => t > from && t < command.to).sort((a, b) => a - b);
            for (const to of points) split.push({ seq: split.length + 1, by: entry.by, command: { type: 'clock.advance', to: simMinutes(to) } });
          }
          split.push({ ...entry, seq: split.length + 1 });
        });
        expect(finalState(split, s)).toStrictEqual(finalState(log, s));
      }),
      { numRuns: 150 },
    );
  });

  it('different seeds can schedule jittered injects differently, each reproducibly', () => {
    const schedules = Array.from({ length: 30 }, (_, s) => createRun(pack, testHeader(pack, s)).schedule);
    expect(new Set(schedules.map((x) => JSON.stringify(x))).size).toBeGreaterThan(1);
    fc.assert(
      fc.property(seed, (s) => {
        const a = createRun(pack, testHeader(pack, s));
        const b = createRun(pack, testHeader(pack, s));
        expect(a).toStrictEqual(b);
        const rumour = a.schedule[testInjectId('rumour')] ?? -1;
        expect(rumour >= 60 && rumour <= 60 + 90).toBe(true);
      }),
    );
  });

  it('never mutates the state it is given, accepted or refused', () => {
    fc.assert(
      fc.property(seed, sequenceArbitrary(pack), (s, intents) => {
        let state: RunState = deepFreeze(createRun(pack, testHeader(pack, s)));
        for (const intent of intents) {
          const result = applyCommand(pack, state, commandOf(intent, state));
          if (result.ok) state = deepFreeze(result.value.state);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a refused command leaves the working state untouched (replay relies on it)', () => {
    fc.assert(
      fc.property(seed, sequenceArbitrary(pack), (s, intents) => {
        let state: RunState = createRun(pack, testHeader(pack, s));
        for (const intent of intents) {
          const entry = commandOf(intent, state);
          const draft = draftOf(state);
          const rejection = applyToDraft(pack, draft, entry, []);
          if (rejection === undefined) state = draft;
          else expect(draft).toStrictEqual(state);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('generates sequences that exercise both accepted and refused commands', () => {
    const samples = fc.sample(fc.tuple(seed, sequenceArbitrary(pack)), { numRuns: 50, seed: 1 });
    const built = samples.map(([s, intents]) => buildLog(pack, testHeader(pack, s), intents));
    const accepted = built.flatMap((b) => b.log.map((e) => e.command.type));
    expect(accepted.length).toBeGreaterThan(200);
    expect(built.reduce((n, b) => n + b.refused, 0)).toBeGreaterThan(50);
    for (const type of ['move.make', 'decision.answer', 'clock.advance', 'severity.classify', 'inject.release', 'run.end']) {
      expect(accepted).toContain(type);
    }
  });
});
