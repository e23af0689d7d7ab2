/**
 * Engine replay speed on the flagship pack (`scenarios/biased-hiring`, an
 * 18-day scenario; the minimal fixture if the flagship does not load), for a
 * 10,000- and a 100,000-entry log, against the floor of merely parsing the
 * same JSON Lines. Budgets (not asserted): 10k under 50 ms; 100k within 12×
 * the 10k figure.
 *
 * The logs are realistic and valid: the pack's reference timeline, with the
 * time between its entries filled by what a team does — small clock
 * advances, notes, facilitator notes, severity and R3AI (re)classifications.
 * A scenario has a fixed length, so a longer log is denser, not longer in
 * scenario time: at most one advance per minute, the rest notes and
 * classifications.
 */
import { testRunId } from '../ids';
import { fileURLToPath } from 'node:url';
import { applyCommand, createRun, playScript, replay, type LogEntry, type Pack, type RunHeader, type ScriptEntry, simMinutes } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';
import { against, median, sample, type BenchResult } from './bench-kit';

const FLAGSHIP = fileURLToPath(new URL('../../scenarios/biased-hiring', import.meta.url));
const MINIMAL = fileURLToPath(new URL('../fixtures/packs/minimal', import.meta.url));

async function benchPack(): Promise<{ pack: Pack; name: string }> {
  for (const [path, name] of [[FLAGSHIP, 'biased-hiring'], [MINIMAL, 'minimal fixture']] as const) {
    const loaded = await loadPack(path);
    if (loaded.ok) return { pack: loaded.value.pack, name };
  }
  throw new Error('neither the flagship pack nor the minimal fixture loads');
}

/** A small deterministic generator for the filler (the bench must not vary between runs). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/**
 * A script of at least `size` log entries: the reference timeline's timed
 * entries at their times, filler in between.
 */
function fillerScript(pack: Pack, size: number): ScriptEntry[] {
  const random = lcg(size);
  const timeline = pack.reference.timeline;
  const firstTimed = timeline.findIndex((e) => e.at !== undefined);
  const setup = timeline.slice(0, firstTimed === -1 ? timeline.length : firstTimed);
  const timed = timeline.slice(setup.length).filter((e) => e.at !== undefined && e.at < pack.clock.end);
  const roles = pack.roles.map((r) => r.role);
  const end = pack.clock.end - 1;
  // Each filler entry at a new minute adds an advance to the log. Sparse: advance 1–6
  // minutes after every entry (about 3.5 minutes per two log entries). Dense: advance
  // one minute with probability p, so that p/(1+p) × size minutes fit in ~90% of the scenario.
  const sparse = 3.5 * (size / 2) <= 0.9 * end;
  const ratio = (0.9 * end) / size;
  const advanceChance = sparse ? 1 : ratio / (1 - ratio);
  const script: ScriptEntry[] = [...setup];
  let next = 0;
  let now = 0;
  for (let i = 0; script.length < size && now <= end; i += 1) {
    while (next < timed.length && (timed[next]?.at ?? 0) <= now) script.push(timed[next++] as ScriptEntry);
    const r = random();
    const by = roles[Math.floor(random() * roles.length)] ?? 'incident-lead';
    if (r < 0.55) script.push({ at: simMinutes(now), by, command: { type: 'note.add', text: `Update ${i}: still working on it.` } });
    else if (r < 0.7) script.push({ at: simMinutes(now), by: 'facilitator', command: { type: 'note.add', text: `Facilitator note ${i}` } });
    else if (r < 0.9) script.push({ at: simMinutes(now), by: 'incident-lead', command: { type: 'severity.classify', level: random() < 0.5 ? 3 : 4 } });
    else script.push({ at: simMinutes(now), by: 'incident-lead', command: { type: 'r3ai.classify', category: random() < 0.8 ? 'responsibility' : 'reliability' } });
    if (random() < advanceChance) now += sparse ? 1 + Math.floor(random() * 6) : 1;
  }
  return script;
}

/** A valid log of exactly `size` entries (a prefix of a played script). */
export function buildLog(pack: Pack, size: number): { header: RunHeader; log: LogEntry[] } {
  const played = playScript(pack, fillerScript(pack, size), { seed: 1, runId: testRunId(`bench-${size}`) });
  if (played.log.length < size) throw new Error(`could only build ${played.log.length} of ${size} entries`);
  return { header: played.header, log: played.log.slice(0, size) };
}

function replayOnce(pack: Pack, header: RunHeader, log: readonly LogEntry[]): void {
  const result = replay(pack, header, log);
  if (!result.ok) throw new Error(`entry ${result.error.seq} refused: ${result.error.rejection.message}`);
}

export async function run(): Promise<BenchResult[]> {
  const { pack, name } = await benchPack();
  const results: BenchResult[] = [];
  const medians: Record<number, number> = {};
  for (const [size, repeats] of [[10_000, 30], [100_000, 8]] as const) {
    const { header, log } = buildLog(pack, size);
    const lines = log.map((entry) => JSON.stringify(entry));
    const advances = log.filter((e) => e.command.type === 'clock.advance').length;
    const replayed = median(sample(() => replayOnce(pack, header, log), repeats, 3));
    const parsed = median(sample(() => lines.map((line) => JSON.parse(line) as unknown), repeats, 3));
    medians[size] = replayed;
    results.push(against(`engine: replay ${size.toLocaleString('en')} entries (${name}, ${advances} advances)`, replayed, parsed));
  }
  results.push({ name: 'engine: replay 100k ÷ 10k (budget ≤ 12)', value: (medians[100_000] ?? 0) / (medians[10_000] ?? 1), unit: '×' });
  const { header, log } = buildLog(pack, 10_000);
  const live = median(
    sample(() => {
      let state = createRun(pack, header);
      for (const entry of log) {
        const result = applyCommand(pack, state, entry);
        if (!result.ok) throw new Error(result.error.message);
        state = result.value.state;
      }
    }, 5, 1),
  );
  results.push({ name: `engine: applyCommand 10,000 entries one by one (${name}, a state copy each)`, value: live, unit: 'ms' });
  return results;
}
