/** Shared fixtures of the run store and session tests: the minimal pack, run deps, temp dirs. */
import type { RunId } from '../../../../src/engine';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ENGINE_VERSION, type LogEntry, type Pack, type RunHeader } from '../../../../src/engine/index';
import { validatePack } from '../../../../src/engine/pack/validate';
import type { PackSnapshot } from '../../../../src/shared/runs';
import type { RunDeps } from '../../../../src/main/runs/run-deps';
import { realRunDeps } from '../../../../src/main/runs/real-deps';
import { loadPackSnapshot } from '../../../../src/main/packs/index';
import { testMoveId } from '../../../ids';
import { simMinutes } from '../../../../src/engine';

/** The project's known-valid minimal pack (8 h scenario, compression 60). */
export const MINIMAL_PACK_DIR = fileURLToPath(new URL('../../../fixtures/packs/minimal', import.meta.url));

let cached: Pack | undefined;
/** The minimal pack, validated. */
export function minimalPack(): Pack {
  if (!cached) {
    const result = validatePack(parse(readFileSync(join(MINIMAL_PACK_DIR, 'pack.yaml'), 'utf8')));
    if (!result.ok) throw new Error(`fixture pack invalid: ${JSON.stringify(result.error)}`);
    cached = result.value.pack;
  }
  return cached;
}

/** The deps the services use in production. */
export const testDeps: RunDeps = realRunDeps;

/** A header for the minimal pack. */
export function testHeader(snapshot: PackSnapshot, runId: RunId, overrides: Partial<RunHeader> = {}): RunHeader {
  return {
    runId,
    engineVersion: ENGINE_VERSION,
    packId: snapshot.pack.id,
    packVersion: snapshot.pack.version,
    packHash: snapshot.hash,
    seed: 42,
    mode: 'facilitated',
    createdAt: '2027-05-06T10:00:00.000Z',
    participants: ['Ana', 'Ben'],
    ...overrides,
  };
}

/** A log that starts the run and makes a few moves (all accepted by the engine). */
export function sampleLog(): LogEntry[] {
  const commands: Pick<LogEntry, 'by' | 'command'>[] = [
    { by: 'facilitator', command: { type: 'role.assign', role: 'incident-lead', participant: 'Ana' } },
    { by: 'facilitator', command: { type: 'run.start' } },
    { by: 'system', command: { type: 'clock.advance', to: simMinutes(31) } },
    { by: 'incident-lead', command: { type: 'severity.classify', level: 3 } },
    { by: 'technical-lead', command: { type: 'move.make', move: testMoveId('suspend-model') } },
    { by: 'system', command: { type: 'clock.advance', to: simMinutes(95) } },
    { by: 'facilitator', command: { type: 'note.add', text: 'Good pace.' } },
  ];
  return commands.map((c, i) => ({ seq: i + 1, by: c.by, command: c.command, wall: `2027-05-06T10:0${i}:00.000Z` }));
}

/** A temp directory removed by the returned cleanup. */
export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `vaim-${prefix}-`));
  // Retries: a session may still be writing its history cache in the background when a test ends.
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }) };
}

/** A snapshot of the minimal pack, as the pack loader makes it. */
export function testSnapshot(): PackSnapshot {
  if (!cachedSnapshot) {
    const pack = minimalPack();
    const loaded = loadPackSnapshot({ pack, attachments: {} });
    if (!loaded.ok) throw new Error(`fixture snapshot invalid: ${JSON.stringify(loaded.error.issues)}`);
    cachedSnapshot = { pack: loaded.value.pack, attachments: loaded.value.attachments, hash: loaded.value.hash };
  }
  return cachedSnapshot;
}
let cachedSnapshot: PackSnapshot | undefined;
