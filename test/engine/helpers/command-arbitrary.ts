/**
 * fast-check generators of command sequences for a pack: commands built from
 * the pack's own ids (plus some that do not exist), clock advances relative
 * to the current minute, and now and then commands that must be refused.
 * `buildLog` applies them live and keeps only the accepted ones.
 */
import fc from 'fast-check';
import {
  after,
  applyCommand,
  createRun,
  DEFAULT_READINESS_ITEMS,
  R3AI_CATEGORIES,
  ROLE_IDS,
  simMinutes,
  type Actor,
  type Command,
  type LogEntry,
  type Pack,
  type RunHeader,
  type RunState,
} from '../../../src/engine';
import { testDecisionId, testInjectId, testMoveId } from '../../ids';
import { written, type WrittenCommand } from './run';

/** A step: a ready command, or an advance relative to the clock at that point. */
export type Intent =
  | { readonly kind: 'command'; readonly by: Actor; readonly command: Command }
  | { readonly kind: 'advance'; readonly by: Actor; readonly minutes: number };

const actors: readonly Actor[] = [...ROLE_IDS, 'facilitator', 'system'];

/** Generates intents for `pack`. */
export function intentArbitrary(pack: Pack): fc.Arbitrary<Intent> {
  const withBogus = (ids: readonly string[]) => fc.constantFrom(...ids, 'bogus-id');
  const by = fc.constantFrom(...actors);
  const moveIds = fc.constantFrom(...pack.moves.map((m) => m.id), testMoveId('bogus-id'));
  const injectIds = fc.constantFrom(...pack.injects.map((i) => i.id), testInjectId('bogus-id'));
  const decisions = pack.decisions.length > 0 ? pack.decisions : [{ id: testDecisionId('none'), options: [] }];
  const validOptions = (d: (typeof decisions)[number]): string[] => {
    const kind = 'kind' in d ? d.kind : 'single';
    if (kind === 'severity') return ['v1', 'v2', 'v3', 'v4', 'v5'];
    if (kind === 'r3ai') return [...R3AI_CATEGORIES];
    return (d.options ?? []).map((o) => o.id);
  };
  const answer = fc.constantFrom(...decisions).chain((d) => {
    const valid = validOptions(d);
    const options = fc.oneof(
      { weight: 3, arbitrary: valid.length > 0 ? fc.constantFrom(...valid).map((o) => [o]) : fc.constant<string[]>([]) },
      { weight: 1, arbitrary: fc.subarray([...valid, 'bogus-id'], { maxLength: Math.min(3, valid.length + 1) }) },
    );
    return fc
      .record({ options, text: fc.option(fc.constantFrom('Because.', ' '), { nil: undefined }) })
      .map(({ options: chosen, text }) => ({
        type: 'decision.answer' as const,
        decision: d.id,
        options: [...chosen],
        ...(text === undefined ? {} : { text }),
      }));
  });
  const trace = pack.reference.trace;
  // Written as a test would (plain ids), then read by the command schema like every command the engine receives.
  const weighted: fc.WeightedArbitrary<WrittenCommand>[] = [
    { weight: 6, arbitrary: moveIds.map((move) => ({ type: 'move.make' as const, move })) },
    { weight: 3, arbitrary: answer },
    { weight: 3, arbitrary: fc.constantFrom(1, 2, 3, 4, 5).map((level) => ({ type: 'severity.classify' as const, level: level as 1 })) },
    { weight: 2, arbitrary: fc.constantFrom(...R3AI_CATEGORIES).map((category) => ({ type: 'r3ai.classify' as const, category })) },
    { weight: 2, arbitrary: injectIds.map((inject) => ({ type: 'inject.release' as const, inject })) },
    { weight: 1, arbitrary: fc.constantFrom(...['adhoc-1', 'adhoc-2', pack.injects[0]?.id ?? 'x'].map(testInjectId)).map((id) => ({ type: 'inject.adhoc' as const, id, title: 'Ad hoc', body: 'Body', channel: 'chat' as const, visibleTo: 'all' as const })) },
    { weight: 2, arbitrary: fc.constant({ type: 'note.add' as const, text: 'A note.' }) },
    { weight: 1, arbitrary: fc.constantFrom(...ROLE_IDS).map((role) => ({ type: 'role.assign' as const, role, participant: 'Pat' })) },
    { weight: 1, arbitrary: fc.constantFrom(...ROLE_IDS).map((role) => ({ type: 'role.unassign' as const, role })) },
    { weight: 1, arbitrary: fc.constantFrom(...DEFAULT_READINESS_ITEMS.map((i) => i.id), 'bogus-id').map((item) => ({ type: 'readiness.set' as const, item, value: true })) },
    { weight: 1, arbitrary: fc.constantFrom<Command>({ type: 'clock.pause' }, { type: 'clock.resume' }, { type: 'clock.jumpToNext' }, { type: 'clock.setCompression', compression: 10 }, { type: 'run.start' }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((to) => ({ type: 'clock.advance' as const, to: simMinutes(to) })) },
    { weight: 1, arbitrary: withBogus(trace.rootCause.candidates.map((c) => c.id)).map((candidate) => ({ type: 'trace.rootCause' as const, candidate })) },
    { weight: 1, arbitrary: fc.subarray([...trace.corrections.map((c) => c.id), 'bogus-id']).map((ids) => ({ type: 'trace.select' as const, section: 'correction' as const, ids })) },
    { weight: 1, arbitrary: fc.constantFrom('a1', 'a2').map((id) => ({ type: 'trace.actionItem.add' as const, id, text: 'Do it', owner: 'incident-lead' as const, due: '2030-01-01' })) },
    { weight: 1, arbitrary: fc.constantFrom('a1', 'a2').map((id) => ({ type: 'trace.actionItem.remove' as const, id })) },
    { weight: 1, arbitrary: fc.constant({ type: 'run.end' as const }) },
  ];
  const command: fc.Arbitrary<Command> = fc.oneof(...weighted).map(written);
  const minutes = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * pack.clock.end }) });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), by: fc.constant('system' as const), minutes }) },
    { weight: 7, arbitrary: fc.record({ kind: fc.constant('command' as const), by, command }) },
  );
}

/** Sequences: usually started early, so most commands meet a running run. */
export function sequenceArbitrary(pack: Pack, maxLength = 40): fc.Arbitrary<Intent[]> {
  const intents = fc.array(intentArbitrary(pack), { maxLength, size: 'max' });
  return fc.tuple(fc.array(intentArbitrary(pack), { maxLength: 3 }), fc.boolean(), intents).map(([setup, start, rest]) => [
    ...setup,
    ...(start ? [{ kind: 'command' as const, by: 'system' as const, command: { type: 'run.start' as const } }] : []),
    ...rest,
  ]);
}

/** The command an intent means in `state`. */
export function commandOf(intent: Intent, state: RunState): { by: Actor; command: Command } {
  return intent.kind === 'command' ? intent : { by: intent.by, command: { type: 'clock.advance', to: after(state.clock.now, simMinutes(intent.minutes)) } };
}

/** Applies intents live; returns the accepted log and the state after each accepted entry. */
export function buildLog(pack: Pack, header: RunHeader, intents: readonly Intent[]): { log: LogEntry[]; states: RunState[]; refused: number } {
  let state = createRun(pack, header);
  const log: LogEntry[] = [];
  const states: RunState[] = [state];
  let refused = 0;
  for (const intent of intents) {
    const entry = commandOf(intent, state);
    const result = applyCommand(pack, state, entry);
    if (!result.ok) {
      refused += 1;
      continue;
    }
    state = result.value.state;
    log.push({ seq: log.length + 1, ...entry });
    states.push(state);
  }
  return { log, states, refused };
}
