/**
 * Pack loading speed: `loadPack` (read, parse with positions, assemble,
 * validate, cross-check, attachments, hash) against the floor of a bare
 * `yaml` parse of the same text, for
 * - the flagship pack (`scenarios/biased-hiring`; the minimal fixture if it
 *   does not load, and the result name says so) — budget under 20 ms;
 * - a generated pack with 1,000 injects (triggers, effects, realistic bodies)
 *   — budget under 200 ms and within 3× its floor.
 * Budgets are not asserted. There is one parser (`yaml`, which keeps source
 * positions) and one assembly path, for clean and broken packs alike.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadPack } from '../../src/main/packs/load-pack';
import { against, median, sample, sampleAsync, type BenchResult } from './bench-kit';

const FLAGSHIP = fileURLToPath(new URL('../../scenarios/biased-hiring', import.meta.url));
const MINIMAL = fileURLToPath(new URL('../fixtures/packs/minimal', import.meta.url));

/** The texts of a pack folder's YAML/JSON files (the floor parses each). */
async function packTexts(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => /\.(ya?ml|json)$/.test(name));
  return Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
}

const BODY =
  'The fairness dashboard shows the selection-rate gap widening again. **Older applicants** are now selected at a ' +
  'third of the rate of others. Recruiters in two regions have noticed and are asking whether to override the ' +
  'ranking by hand; one has already started a spreadsheet of suspicious rejections.';

/** The minimal pack with `count` injects: a third timed, the rest triggered by earlier injects and variables. */
async function generatedPackText(count: number): Promise<string> {
  const pack = parse(await readFile(join(MINIMAL, 'pack.yaml'), 'utf8'));
  const base = pack.injects as Array<Record<string, unknown>>;
  const injects: Array<Record<string, unknown>> = [...base];
  for (let i = injects.length; i < count; i += 1) {
    const id = `inject-${String(i).padStart(4, '0')}`;
    const previous = injects[i - 1]?.id as string;
    const common = {
      id,
      stage: ['detect', 'contain', 'govern', 'recover'][i % 4],
      channel: ['email', 'chat', 'complaint', 'news', 'memo'][i % 5],
      from: `Sender ${i}`,
      title: `Update ${i}: selection-rate gap report`,
      body: BODY,
      effects: [{ add: 'wrongly-rejected', by: i % 7 }, ...(i % 10 === 0 ? [{ set: 'model-live', to: true }] : [])],
    };
    if (i % 3 === 0) injects.push({ ...common, at: `${i % 7}h ${i % 60}m`, jitter: '5m' });
    else {
      const when = {
        all: [
          { inject: previous },
          { any: [{ var: 'wrongly-rejected', gte: i % 50 }, { var: 'model-live', eq: false }, { elapsed: { gte: `${i % 6}h` } }] },
          { not: { move: 'suspend-model', effective: true } },
        ],
      };
      injects.push({ ...common, when, delay: `${i % 30}m` });
    }
  }
  pack.injects = injects;
  return stringify(pack);
}

async function benchLoad(name: string, dir: string, texts: readonly string[], repeats: number): Promise<BenchResult> {
  const first = await loadPack(dir);
  if (!first.ok) throw new Error(`${name} does not load: ${JSON.stringify(first.error.issues.slice(0, 3))}`);
  // Interleaved, so that both medians see the same machine load.
  const values: number[] = [];
  const floors: number[] = [];
  await sampleAsync(() => loadPack(dir), 3);
  sample(() => texts.map((text) => parse(text)), 3);
  for (let i = 0; i < repeats; i += 1) {
    values.push(...(await sampleAsync(() => loadPack(dir), 1, 0)));
    floors.push(...sample(() => texts.map((text) => parse(text)), 1, 0));
  }
  return against(name, median(values), median(floors));
}

/** Runs the pack benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const flagship = await loadPack(FLAGSHIP);
  const [flagshipDir, flagshipName] = flagship.ok ? [FLAGSHIP, 'packs.load.flagship'] : [MINIMAL, 'packs.load.minimal-fixture (flagship missing)'];
  const flagshipTexts = await packTexts(flagshipDir);
  results.push(await benchLoad(flagshipName, flagshipDir, flagshipTexts, 40));

  const dir = await mkdtemp(join(tmpdir(), 'vaim-bench-pack-'));
  try {
    const text = await generatedPackText(1000);
    await writeFile(join(dir, 'pack.yaml'), text);
    results.push(await benchLoad('packs.load.generated-1000-injects', dir, [text], 15));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
