/**
 * Packs load on a worker thread: the same result as loading in this thread,
 * progress relayed as it happens, the main thread free while a large pack is
 * validated, a load that takes too long stopped, a dead worker reported
 * (never a load that hangs).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/main/packs/load-pack';
import { createInThreadLoader, createWorkerLoader } from '../../../src/main/packs/worker-loader';
import type { PackLoadProgress } from '../../../src/shared/packs';
import { MINIMAL_PACK_DIR } from '../../engine/pack/minimal-pack';
import { cleanTempDirsAfterEach, PACK_FIXTURES, tempDir } from './helpers';

cleanTempDirsAfterEach();
const loader = createWorkerLoader();
afterAll(() => loader.close());

/** The minimal pack with `count` timed injects, split over `files` included files. */
async function largePack(dir: string, count: number, files: number): Promise<void> {
  const pack = parse(await readFile(join(MINIMAL_PACK_DIR, 'pack.yaml'), 'utf8')) as Record<string, unknown>;
  const include: string[] = [];
  const per = Math.ceil(count / files);
  for (let f = 0; f < files; f += 1) {
    const injects = Array.from({ length: per }, (_, i) => ({
      id: `generated-${f * per + i}`,
      stage: 'detect',
      at: `${(f * per + i) % 400}m`,
      channel: 'email',
      from: 'Monitoring',
      title: `Update ${f * per + i}`,
      body: 'The dashboard shows the selection-rate gap widening again.',
    }));
    include.push(`injects-${f}.yaml`);
    await writeFile(join(dir, `injects-${f}.yaml`), stringify({ injects }));
  }
  await writeFile(join(dir, 'pack.yaml'), stringify({ ...pack, include }));
}

describe('loading on the worker', () => {
  it.each(['minimal', 'guide-example', 'invalid/duplicate-ids'])('gives exactly what loading in this thread gives (%s)', async (name) => {
    const dir = join(PACK_FIXTURES, name);
    const here = await loadPack(dir);
    expect(await loader.load(dir)).toEqual(here);
    // The loader for bundles without the worker's script loads the same, in this thread.
    expect(await createInThreadLoader().load(dir)).toEqual(here);
  });

  it('relays progress in order, and the main thread keeps running while a large pack is validated', async () => {
    const dir = await tempDir();
    await largePack(dir, 1_500, 4);
    const events: string[] = [];
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns += 1;
      if (counting) setImmediate(tick);
    };
    const result = loader.load(dir, (p: PackLoadProgress) => events.push(`${p.step} ${p.done}/${p.total} after ${turns} turns`));
    setImmediate(tick);
    const loaded = await result;
    counting = false;
    expect(loaded.ok).toBe(true);
    const steps = events.map((e) => e.split(' ')[0]).filter((s, i, all) => s !== all[i - 1]);
    expect(steps).toEqual(['reading', 'parsing', 'validating', 'attachments']);
    expect(events.filter((e) => e.startsWith('parsing')).map((e) => e.split(' ')[1])).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    // Validating 1,500 injects takes this thread thousands of turns of its event loop: none would run if it happened here.
    const validatingAt = Number(/after (\d+)/.exec(events.find((e) => e.startsWith('validating')) ?? '')?.[1]);
    expect(turns - validatingAt).toBeGreaterThan(10);
  });

  it('stops a load that takes longer than the limit and says so, then loads again', async () => {
    const impatient = createWorkerLoader({ timeoutMs: 1 });
    try {
      const result = await impatient.load(join(PACK_FIXTURES, 'minimal'));
      expect(result).toMatchObject({ ok: false, error: { issues: [{ file: 'minimal', message: expect.stringMatching(/^took longer than 0 s to load, so it was stopped/) }] } });
    } finally {
      await impatient.close();
    }
    expect((await loader.load(join(PACK_FIXTURES, 'minimal'))).ok).toBe(true);
  });

  it('fails (never hangs) when the worker dies, and when it is closed', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const dying = join(dir, 'dying-worker.mjs');
    await writeFile(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const broken = createWorkerLoader({ script: pathToFileURL(dying) });
    expect(await broken.load(join(PACK_FIXTURES, 'minimal'))).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'could not be loaded: the loader stopped unexpectedly; try again' }] },
    });
    await broken.close();
    expect(await broken.load(join(PACK_FIXTURES, 'minimal'))).toMatchObject({ ok: false, error: { issues: [{ message: 'could not be loaded: the app is closing' }] } });
  });
});
