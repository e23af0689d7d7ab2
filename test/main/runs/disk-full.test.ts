/**
 * A disk that really fills up mid-run: a tiny tmpfs (mounted when the tests
 * run as root; skipped with the reason printed elsewhere) holds the run
 * folder; a filler file takes the rest of the space. The session keeps the
 * run going in memory, says it is not saved (and that the app keeps trying),
 * refuses to close, and once space is freed writes everything, in order and
 * exactly once — cutting off the partial lines the full disk let through.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseLog } from '../../../src/main/runs/log-codec';
import { makeManager, recorder } from '../sessions/helpers/session-fixtures';
import { tempDir } from './helpers/run-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let mount: string;
let skipReason: string | undefined;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('diskfull'));
  mount = join(dir, 'tiny');
  await mkdir(mount);
  if (process.platform !== 'linux') skipReason = 'needs Linux tmpfs';
  else if (process.getuid?.() !== 0) skipReason = 'needs root to mount a tmpfs';
  else {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount], { stdio: 'pipe' });
    } catch (error) {
      skipReason = `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
    }
  }
  if (skipReason) console.warn(`disk-full.test.ts skipped: ${skipReason}`);
});

afterAll(async () => {
  // Lazy: a handle still open after a failed assertion must not leave the mount behind.
  if (!skipReason) execFileSync('umount', ['-l', mount]);
  await cleanup();
});

/** Fills the file system with one file until it refuses (ENOSPC). */
async function fill(path: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const chunk = Buffer.alloc(4096, 0x61);
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

it('keeps a run going when the disk fills up, and saves every entry once space is back (real ENOSPC on tmpfs)', async (context) => {
  if (skipReason) return context.skip();
  const ctx = makeManager(mount);
  context.onTestFinished(() => ctx.manager.closeAll({ discardUnsaved: true }).then(() => undefined));
  const created = await ctx.manager.create({ packId: ctx.packId, mode: 'solo', participants: [] });
  if (!created.ok) throw new Error(created.error.message);
  const runId = created.value.runId;
  const rec = recorder();
  ctx.manager.subscribe(runId, rec.listener);
  const texts: string[] = [];
  const note = async (text: string) => {
    texts.push(text);
    return ctx.manager.submit(runId, { by: 'facilitator', command: { type: 'note.add', text } });
  };
  expect(await note('before the disk filled up')).toMatchObject({ ok: true, value: { saved: true } });

  await fill(join(mount, 'filler'));
  let refused = 0;
  for (let i = 0; i < 400 && refused < 3; i++) {
    const result = await note(`${i}: ${'a note to fill the disk '.repeat(7).trim()}`);
    if (!result.ok) throw new Error(result.error.message);
    if (result.ok && !result.value.saved) refused += 1;
  }
  expect(refused).toBe(3);
  expect(rec.events.find((e) => e.type === 'persistence')).toMatchObject({ persistence: { ok: false, reason: 'The disk is full (ENOSPC)', retrying: true } });
  const refusedClose = await ctx.manager.close(runId);
  expect(!refusedClose.ok && refusedClose.error.code).toBe('io');

  await rm(join(mount, 'filler'));
  expect(await note('after space was freed')).toMatchObject({ ok: true, value: { saved: true } });
  const parsed = parseLog(await readFile(join(mount, 'runs', runId, 'log.jsonl')));
  if (!parsed.ok) throw new Error(parsed.reason);
  expect(parsed.repaired).toBeUndefined();
  expect(parsed.entries.map((e) => (e.command as { text: string }).text)).toEqual(texts);
  expect(await ctx.manager.close(runId)).toEqual({ ok: true, value: undefined });
});
