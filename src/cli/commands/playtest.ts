/**
 * `vaim playtest <pack>`: explores the branches of a pack (the reference,
 * doing nothing, the strategy zoo, greedy and seeded random policies), and
 * reports coverage of injects, decisions, options and obligations, the dead
 * ends found and the best score reached without the reference timeline,
 * with the script that reproduces it. Fails on a dead end or an inject no
 * run can reach.
 */
import { promises as fs } from 'node:fs';
import { type BranchCoverage, exploreBranches, formatDuration, type Pack, reachOf, type ScriptEntry } from '../../engine';
import { loadPack } from '../../main/packs/load-pack';
import { parseCliArgs, parseCount, parseSeed } from '../args';
import { type CliCommand, EXIT } from '../command';
import { displayIssue } from '../display';

/** Random policies played by default. */
export const PLAYTEST_RANDOM_RUNS = 24;

const USAGE = `Usage: vaim playtest <pack> [--runs N] [--seed N] [--json] [--out <file>]

Explores the branches of a scenario pack: plays the reference, doing nothing, the
strategy zoo, the greedy policies and N seeded random policies over the acts
available at each moment, and reports
  - coverage: injects fired, decisions asked, options chosen, triggered injects
    fired and obligations started, each at least once across the runs;
  - dead ends: a clock that cannot advance (triggers that keep firing each other),
    where the run can only be ended (a quiet stretch is none: "Next event" moves on);
  - the best score of a run that did not follow the reference timeline, and its script.

Options:
  --runs N      random policies to play (default ${PLAYTEST_RANDOM_RUNS})
  --seed N      first seed (whole number, default 1); the same seed gives the same report
  --out <file>  write the best run's script there (replay it with vaim play --script)
  --json        print the whole report as JSON
  --help        show this help

Exit status: 0 when every inject was reached and there is no dead end, 1 otherwise
(or when the pack is invalid), 2 on a usage error.
`;

/** The playtest report (what --json prints). */
export type PlaytestReport = {
  readonly pack: { readonly id: string; readonly version: string; readonly title: string };
  readonly seed: number;
  readonly runs: number;
  readonly coverage: {
    readonly injects: Tally;
    readonly triggeredInjects: Tally;
    readonly decisions: Tally;
    readonly options: Tally;
    readonly obligations: Tally;
  };
  /** Injects no run can reach: statically impossible, or fired in no explored run. */
  readonly unreachableInjects: readonly string[];
  readonly deadEnds: BranchCoverage['deadEnds'];
  readonly referenceScore?: number;
  readonly best?: { readonly name: string; readonly seed: number; readonly score: number; readonly script: readonly ScriptEntry[] };
  readonly ok: boolean;
};

/** How many of the items were reached, and which were not. */
export type Tally = { readonly reached: number; readonly total: number; readonly missed: readonly string[] };

const tally = (counts: Readonly<Record<string, number>>): Tally => {
  const missed = Object.entries(counts).filter(([, n]) => n === 0).map(([id]) => id);
  return { reached: Object.keys(counts).length - missed.length, total: Object.keys(counts).length, missed };
};

/** Builds the report from an exploration. */
export function playtestReport(pack: Pack, coverage: BranchCoverage, seed: number): PlaytestReport {
  const reach = reachOf(pack);
  const triggered = new Set<string>(pack.injects.filter((i) => i.at === undefined).map((i) => i.id));
  const options = Object.fromEntries(Object.entries(coverage.options).flatMap(([d, byOption]) => Object.entries(byOption).map(([o, n]) => [`${d}/${o}`, n])));
  const unreachable = pack.injects.filter((i) => !reach.injects.has(i.id) || coverage.injects[i.id] === 0).map((i) => i.id);
  return {
    pack: { id: pack.id, version: pack.version, title: pack.title },
    seed,
    runs: coverage.runs.length,
    coverage: {
      injects: tally(coverage.injects),
      triggeredInjects: tally(Object.fromEntries(Object.entries(coverage.injects).filter(([id]) => triggered.has(id)))),
      decisions: tally(coverage.decisions),
      options: tally(options),
      obligations: tally(coverage.obligations),
    },
    unreachableInjects: unreachable,
    deadEnds: coverage.deadEnds,
    ...(coverage.referenceScore === undefined ? {} : { referenceScore: coverage.referenceScore }),
    ...(coverage.best ? { best: { name: coverage.best.name, seed: coverage.best.seed, score: coverage.best.score, script: coverage.best.script } } : {}),
    ok: unreachable.length === 0 && coverage.deadEnds.length === 0,
  };
}

const line = (label: string, t: Tally) =>
  `${label.padEnd(20)} ${t.reached}/${t.total}${t.missed.length ? `  never: ${t.missed.join(', ')}` : ''}`;

/** A script entry as one line of a YAML script file. */
const scriptLine = (e: ScriptEntry) => `- ${JSON.stringify(e.at === undefined ? { by: e.by, command: e.command } : { at: e.at, by: e.by, command: e.command })}`;

/** Dead ends grouped by place (where the clock sticks), with how many runs hit each. */
function deadEndLines(deadEnds: PlaytestReport['deadEnds']): string[] {
  const places = new Map<number, { first: PlaytestReport['deadEnds'][number]; runs: string[] }>();
  for (const d of deadEnds) {
    const place = places.get(d.at) ?? { first: d, runs: [] };
    place.runs.push(d.run);
    places.set(d.at, place);
  }
  return [...places.values()].map(({ first: d, runs }) => `  the clock cannot advance at ${formatDuration(d.at)}: ${d.rejection.message} (${runs.length} ${runs.length === 1 ? 'run' : 'runs'}, e.g. ${d.run})`);
}

/** The readable report. */
export function formatPlaytest(report: PlaytestReport): string {
  const { coverage } = report;
  const out = [
    `${report.pack.title} (${report.pack.id} ${report.pack.version}): ${report.runs} runs explored, seed ${report.seed}`,
    '',
    'Coverage (at least once across the runs)',
    `  ${line('injects fired', coverage.injects)}`,
    `  ${line('triggered injects', coverage.triggeredInjects)}`,
    `  ${line('decisions asked', coverage.decisions)}`,
    `  ${line('options chosen', coverage.options)}`,
    `  ${line('obligations started', coverage.obligations)}`,
    '',
    report.unreachableInjects.length === 0 ? 'Every inject is reachable.' : `Unreachable injects: ${report.unreachableInjects.join(', ')}`,
    report.deadEnds.length === 0 ? 'No dead end.' : `Dead ends (${report.deadEnds.length} in all):`,
    ...deadEndLines(report.deadEnds),
    '',
    `Reference score: ${report.referenceScore ?? 'the reference timeline could not be played'}`,
  ];
  if (report.best) {
    out.push(`Best non-reference score: ${report.best.score} (${report.best.name}, seed ${report.best.seed})`, '', 'Its script (vaim play --script):', ...report.best.script.map(scriptLine));
  }
  return `${out.join('\n')}\n`;
}

/** The `playtest` sub-command. */
export const playtestCommand: CliCommand = {
  name: 'playtest',
  summary: 'explore a pack’s branches with greedy and random policies; coverage, dead ends, best score',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs(args, { json: { type: 'boolean' }, seed: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' } });
    const fail = (message: string) => {
      io.stderr(`vaim playtest: ${message}\n\n${USAGE}`);
      return EXIT.usage;
    };
    if ('error' in parsed) return fail(parsed.error);
    const seed = parseSeed(parsed.values.seed as string | undefined);
    if (typeof seed !== 'number') return fail(seed.error);
    const runs = parseCount('runs', parsed.values.runs as string | undefined, PLAYTEST_RANDOM_RUNS, 0, 1000);
    if (typeof runs !== 'number') return fail(runs.error);
    if (parsed.positionals.length !== 1) return fail('give one pack path');
    const path = parsed.positionals[0]!;
    const loaded = await loadPack(path);
    if (!loaded.ok) {
      io.stderr(`${loaded.error.issues.map((i) => displayIssue(loaded.error.origin, i)).join('\n')}\nvaim playtest: ${path} is not a valid pack\n`);
      return EXIT.failure;
    }
    const pack = loaded.value.pack;
    const report = playtestReport(pack, exploreBranches(pack, { seed, random: runs }), seed);
    const out = parsed.values.out as string | undefined;
    if (out !== undefined && report.best) {
      try {
        await fs.writeFile(out, `${JSON.stringify(report.best.script, null, 2)}\n`);
      } catch (error) {
        io.stderr(`vaim playtest: could not write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT.failure;
      }
    }
    io.stdout(parsed.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatPlaytest(report));
    return report.ok ? EXIT.ok : EXIT.failure;
  },
};
