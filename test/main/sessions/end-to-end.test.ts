/**
 * End to end over the production pieces, wired as src/main/services.ts
 * wires them: the real library loads the pack from disk, a session records
 * a run on real timers and the real monotonic clock, and after a restart the
 * history lists it with its score and it reopens.
 */
import { mkdir, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createPackLibrary } from '../../../src/main/library/pack-library';
import { realRunDeps } from '../../../src/main/runs/real-deps';
import { createRunStore } from '../../../src/main/runs/run-store';
import { createSessionManager } from '../../../src/main/sessions/session-manager';
import { MINIMAL_PACK_DIR, tempDir } from '../runs/helpers/run-fixtures';

function createRunServices(options: { userDataDir: string; bundledPacksDir: string }) {
  const library = createPackLibrary({ bundledDir: options.bundledPacksDir, userDir: join(options.userDataDir, 'packs') });
  const store = createRunStore({ runsDir: join(options.userDataDir, 'runs'), deps: realRunDeps });
  const sessions = createSessionManager({ store, library, monotonicNow: () => performance.now(), scheduler: { setInterval, clearInterval } });
  return { library, sessions };
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('services')));
afterEach(() => cleanup());

it('records, ends and lists a run through the real services, then resumes it after a restart', async () => {
  const bundledPacksDir = join(dir, 'scenarios');
  await mkdir(join(bundledPacksDir, 'minimal'), { recursive: true });
  await copyFile(join(MINIMAL_PACK_DIR, 'pack.yaml'), join(bundledPacksDir, 'minimal', 'pack.yaml'));
  const userDataDir = join(dir, 'userData');
  const { sessions, library } = createRunServices({ userDataDir, bundledPacksDir });
  expect((await library.list()).map((e) => e.ok && e.id)).toEqual(['minimal-screening']);

  const view = await sessions.create({ packId: 'minimal-screening', mode: 'solo', participants: ['Ana'] });
  if (!view.ok) throw new Error(view.error.message);
  const runId = view.value.header.runId;
  const submit = (by: string, command: object) => sessions.submit(runId, { by, command });
  expect((await submit('facilitator', { type: 'run.start' })).ok).toBe(true);
  await submit('facilitator', { type: 'clock.setCompression', compression: 600 });
  // Real time: at 600 scenario minutes per second the 8-hour scenario ends within about a second.
  const deadline = Date.now() + 10_000;
  while (sessions.state(runId)?.phase !== 'ended' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(sessions.state(runId)?.phase).toBe('ended');
  await submit('incident-lead', { type: 'trace.rootCause', candidate: 'skewed-update' });
  await sessions.closeAll();

  const restarted = createRunServices({ userDataDir, bundledPacksDir });
  const [row] = await restarted.sessions.listRuns();
  expect(row).toMatchObject({ ok: true, runId, status: 'ended', simMinutes: 480, score: { max: 100 } });
  const reopened = await restarted.sessions.open(runId);
  expect(reopened.ok && reopened.value.entries.at(-1)?.command).toEqual({ type: 'trace.rootCause', candidate: 'skewed-update' });
  await restarted.sessions.closeAll();
});
