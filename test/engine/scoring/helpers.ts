/**
 * Helpers for the scoring tests: the minimal fixture pack (and variants of
 * it), script builders, and a line lookup.
 */
import { testMoveId, testRunId } from '../../ids';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Actor } from '../../../src/engine/command-schema';
import type { Pack } from '../../../src/engine/pack/schema';
import { validatePack } from '../../../src/engine/pack/validate';
import type { ScoreLine, ScoreReport } from '../../../src/engine/scoring';
import { type ScriptEntry, playScript } from '../../../src/engine/script';
import { simMinutes } from '../../../src/engine/sim-minutes';
import { written, type WrittenCommand } from '../helpers/run';
import type { LogEntry, RunHeader } from '../../../src/engine/types';

// A string URL, not `new URL(…)`: under the jsdom environment `URL` is jsdom's, which node:url refuses.
const MINIMAL = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/packs/minimal/pack.yaml');

/** The minimal fixture as authored (a fresh object each call, safe to modify). */
export function minimalInput(): Record<string, unknown> {
  return parse(readFileSync(MINIMAL, 'utf8')) as Record<string, unknown>;
}

/** Validates an authored pack, failing loudly with its issues. */
export function packFrom(input: unknown): Pack {
  const result = validatePack(input);
  if (!result.ok) throw new Error(`invalid test pack: ${JSON.stringify(result.error, null, 1)}`);
  return result.value.pack;
}

/** The minimal fixture pack, parsed. */
export const minimalPack = (): Pack => packFrom(minimalInput());

/** A played run (header + log) of `script` with seed 1. */
export function play(pack: Pack, script: readonly ScriptEntry[], seed = 1): { header: RunHeader; log: readonly LogEntry[] } {
  const played = playScript(pack, script, { seed, runId: testRunId('test-run') });
  return { header: played.header, log: played.log };
}

/** A script entry. */
export const at = (minutes: number | undefined, by: Actor, input: WrittenCommand): ScriptEntry => {
  const command = written(input);
  return minutes === undefined ? { by, command } : { at: simMinutes(minutes), by, command };
};

/** `move.make` by `by` at `minutes`. */
export const move = (minutes: number, by: Actor, id: string): ScriptEntry => at(minutes, by, { type: 'move.make', move: testMoveId(id) });

/** Orders entries by time (entries without `at` — setup — first), stable. */
export function timeline(...groups: (ScriptEntry | readonly ScriptEntry[])[]): ScriptEntry[] {
  const entries = groups.flat() as ScriptEntry[];
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at ?? -1) - (b.e.at ?? -1) || a.i - b.i)
    .map(({ e }) => e);
}

/** The line with `id`, failing when absent. */
export function line(report: ScoreReport, id: string): ScoreLine {
  const found = report.lines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id}; lines: ${report.lines.map((l) => l.id).join(', ')}`);
  return found;
}

/** `{ id: [points, max] }` of every line. */
export function pointsById(report: ScoreReport): Record<string, [number, number]> {
  return Object.fromEntries(report.lines.map((l) => [l.id, [l.points, l.max]]));
}
