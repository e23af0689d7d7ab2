/**
 * A run is replayed with the rules of the engine version it was recorded
 * with: a version-1 run's "Next event" jumps straight to the next scheduled
 * time (passing triggered injects), a version-2 run's stops at the first one.
 */
import { testInjectId, testRunId, testReadinessId } from '../ids';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION, replay, type LogEntry, type Pack, type RunHeader, simMinutes } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';

let pack: Pack;
beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../../scenarios/biased-hiring', import.meta.url)));
  if (!loaded.ok) throw new Error('the flagship does not load');
  pack = loaded.value.pack;
});

const header = (engineVersion: number): RunHeader => ({
  runId: testRunId('version-test'), engineVersion, packId: pack.id, packVersion: pack.version, packHash: '', seed: 1, mode: 'solo', createdAt: '2030-01-01T00:00:00.000Z', participants: [],
});
// A prepared organisation: its fairness monitor fires at 20m (a triggered inject), the next timed inject is the candidate's complaint.
const log = (): LogEntry[] => [
  { seq: 1, by: 'facilitator', command: { type: 'readiness.set', item: testReadinessId('monitoring'), value: true } },
  { seq: 2, by: 'system', command: { type: 'run.start' } },
  { seq: 3, by: 'incident-lead', command: { type: 'clock.advance', to: simMinutes(10) } },
  { seq: 4, by: 'incident-lead', command: { type: 'clock.jumpToNext' } },
];

describe('engine versions', () => {
  it('records new runs with the current version', () => {
    expect(ENGINE_VERSION).toBe(2);
  });

  it('replays a version-2 run with its own jump: it stops where the fairness alert fires', () => {
    const result = replay(pack, header(2), log());
    expect(result.ok && result.value.state.clock.now).toBe(20);
    expect(result.ok && result.value.state.engineVersion).toBe(2);
  });

  it('replays a version-1 run exactly as it was recorded: straight past the alert to the next scheduled time', () => {
    const result = replay(pack, header(1), log());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.state.engineVersion).toBe(1);
    expect(result.value.state.clock.now).toBeGreaterThan(20);
    expect(result.value.state.clock.now).toBe(result.value.state.schedule[testInjectId('candidate-complaint')]);
    expect(result.value.state.fired[testInjectId('fairness-alert')]).toBe(20);
  });
});
