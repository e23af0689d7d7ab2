/**
 * Time pressure chosen at setup takes effect. The create-run request carries
 * it; the header records it; the session logs `clock.setCompression` right
 * after `run.start`, in the same batch — so a resumed or imported run replays
 * to the same state from its log alone. End to end through the real services
 * (the IPC dispatcher with its validators, as the renderer calls them).
 */
import type { RunId } from '../../../src/engine';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay, stateReached, type LogEntry } from '../../../src/engine/index';
import { headlessPlatform } from '../../../src/main/platform/platform';
import { createServices, type Services } from '../../../src/main/services';
import type { SessionView, SubmitResult } from '../../../src/shared/runs';
import { MINIMAL_PACK_DIR, tempDir } from '../runs/helpers/run-fixtures';
import { makeManager } from './helpers/session-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
const open: Services[] = [];
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('pressure'));
  await mkdir(join(dir, 'scenarios', 'minimal'), { recursive: true });
  await copyFile(join(MINIMAL_PACK_DIR, 'pack.yaml'), join(dir, 'scenarios', 'minimal', 'pack.yaml'));
});
afterEach(async () => {
  for (const services of open.splice(0)) await services.dispose();
  await cleanup();
});

async function start(): Promise<Services> {
  const services = await createServices({
    userDataDir: join(dir, 'userData'),
    bundledPacksDir: join(dir, 'scenarios'),
    appVersion: 'test',
    platform: headlessPlatform,
    platformName: 'linux',
    packsInThread: true,
    broadcast: () => {},
  });
  open.push(services);
  return services;
}

async function call<T>(services: Services, channel: string, ...args: unknown[]): Promise<T> {
  const response = await services.dispatch(channel, args);
  if (!response.ok) throw new Error(`${channel}: ${response.error.message}`);
  return response.value as T;
}

const compressionOf = (entries: readonly LogEntry[]) => entries.filter((e) => e.command.type === 'clock.setCompression').map((e) => [e.by, e.command]);

describe('time pressure chosen at setup', () => {
  it('is applied as the first entry after run.start, and a restarted app replays the run to the same state', async () => {
    const services = await start();
    const { runId } = await call<{ runId: RunId }>(services, 'createRun', { packId: 'minimal-screening', mode: 'solo', participants: ['Ana'], compression: 120 });
    const view = await call<SessionView>(services, 'openRun', runId);
    expect(view.header.compression).toBe(120);
    const started = await call<SubmitResult>(services, 'submitCommand', runId, { by: 'incident-lead', command: { type: 'run.start' } });
    expect(started.ok && started.value.entries.map((e) => [e.by, e.command])).toEqual([
      ['incident-lead', { type: 'run.start' }],
      ['incident-lead', { type: 'clock.setCompression', compression: 120 }],
    ]);
    const live = services.sessions.state(runId);
    expect(live?.clock.compression).toBe(120);
    await services.dispose();

    const restarted = await start();
    const resumed = await call<SessionView>(restarted, 'openRun', runId);
    expect(compressionOf(resumed.entries)).toEqual([['incident-lead', { type: 'clock.setCompression', compression: 120 }]]);
    expect(restarted.sessions.state(runId)).toEqual(live);
    expect(stateReached(replay(resumed.pack.pack, resumed.header, resumed.entries))).toEqual(live);
  });

  it('survives a restart before the run starts (the header keeps it)', async () => {
    const services = await start();
    const { runId } = await call<{ runId: RunId }>(services, 'createRun', { packId: 'minimal-screening', mode: 'facilitated', participants: [], compression: 30 });
    await services.dispose();
    const restarted = await start();
    await call(restarted, 'openRun', runId);
    await call(restarted, 'submitCommand', runId, { by: 'facilitator', command: { type: 'run.start' } });
    expect(restarted.sessions.state(runId)?.clock.compression).toBe(30);
  });

  it('adds nothing when the pack’s own speed is chosen', async () => {
    const services = await start();
    const { runId } = await call<{ runId: RunId }>(services, 'createRun', { packId: 'minimal-screening', mode: 'solo', participants: [], compression: 60 });
    const view = await call<SessionView>(services, 'openRun', runId);
    expect(view.header).not.toHaveProperty('compression');
    const started = await call<SubmitResult>(services, 'submitCommand', runId, { by: 'facilitator', command: { type: 'run.start' } });
    expect(started.ok && started.value.entries.map((e) => e.command.type)).toEqual(['run.start']);
  });

  it.each([0, -5, 20_000, Number.NaN])('refuses the speed %s with the same rule over IPC and in the session manager', async (compression) => {
    const services = await start();
    const response = await services.dispatch('createRun', [{ packId: 'minimal-screening', mode: 'solo', participants: [], compression }]);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringMatching(/compression/) } });
    const direct = await services.sessions.create({ packId: 'minimal-screening', mode: 'solo', participants: [], compression });
    expect(!direct.ok && direct.error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/compression: /) });
  });

  it('sets the pace of the scenario clock: double speed runs twice as far in the same real time', async () => {
    const ctx = makeManager(dir);
    const runAt = async (compression?: number) => {
      const created = await ctx.manager.create({ packId: ctx.packId, mode: 'solo', participants: [], ...(compression ? { compression } : {}) });
      if (!created.ok) throw new Error(created.error.message);
      await ctx.manager.submit(created.value.runId, { by: 'facilitator', command: { type: 'run.start' } });
      return created.value.runId;
    };
    const designed = await runAt();
    const doubled = await runAt(120);
    await ctx.time.run(3_000);
    const minutes = (runId: RunId) => ctx.manager.state(runId)?.clock.now ?? 0;
    expect(minutes(designed)).toBeGreaterThan(0);
    expect(minutes(doubled)).toBe(2 * minutes(designed));
  });
});
