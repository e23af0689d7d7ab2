/**
 * `vaim lint <pack...>`: loads each pack and prints the linter's warnings
 * (src/engine/lint) located as `file:line:col: path: message`. `vaim
 * validate` prints the same warnings (they never make a pack invalid there).
 */
import { type LintResult, lintPack } from '../../engine';
import { loadPack } from '../../main/packs/load-pack';
import { locatePackIssues } from '../../main/packs/load-files';
import type { LoadedPack, LocatedIssue, PackOrigin } from '../../shared/packs';
import { parseCliArgs, parseCount, parseSeed } from '../args';
import { type CliCommand, EXIT } from '../command';
import { displayIssue } from '../display';

/** Random policies the linter plays by default (besides the reference, the strategy zoo and the greedy policies). */
export const LINT_RANDOM_RUNS = 8;

const USAGE = `Usage: vaim lint <pack...> [--json] [--seed N] [--runs N]

Lints scenario packs: prints a warning, as file:line:col: path: message, for each
  - inject that can never fire, or that no explored run fired
  - decision that is never asked (nothing opens it), or that no explored run asked
  - move that can never be made, or that changes nothing (no effect, not scored, read by no condition)
  - obligation that never starts (statically, or in no explored run)
  - required move or obligation the reference timeline does not meet
  - obligation whose deadline falls after the scenario ends (never judged as missed)
  - dead end: a clock that cannot advance (triggers that keep firing each other)
  - text longer than a screen; a decision option without a rationale
The runs explored are the reference, doing nothing, the strategy zoo, the greedy
policies and N seeded random policies.

Options:
  --runs N   random policies to play (default ${LINT_RANDOM_RUNS})
  --seed N   first seed of the runs (whole number, default 1)
  --json     print a machine-readable result instead
  --help     show this help

Exit status: 0 when every pack lints clean, 1 when any has warnings or is invalid, 2 on a usage error.
`;

/** The lint warnings of a loaded pack, located in its files. */
export async function lintLoaded(loaded: LoadedPack, options: { readonly seed?: number; readonly random?: number } = {}): Promise<{ readonly result: LintResult; readonly warnings: LocatedIssue[] }> {
  const result = lintPack(loaded.pack, { seed: options.seed ?? 1, random: options.random ?? LINT_RANDOM_RUNS });
  return { result, warnings: locatePackIssues(loaded, result.warnings) };
}

/** One pack's result, as `--json` prints it. */
export type LintReport = {
  readonly path: string;
  readonly ok: boolean;
  readonly origin: PackOrigin;
  readonly pack?: { readonly id: string; readonly version: string; readonly title: string };
  readonly runs?: number;
  readonly issues: readonly LocatedIssue[];
};

async function lintOne(path: string, seed: number, random: number): Promise<LintReport> {
  const loaded = await loadPack(path);
  if (!loaded.ok) return { path, ok: false, origin: loaded.error.origin, issues: loaded.error.issues };
  const { result, warnings } = await lintLoaded(loaded.value, { seed, random });
  const { id, version, title } = loaded.value.pack;
  return { path, ok: warnings.length === 0, origin: loaded.value.origin, pack: { id, version, title }, runs: result.coverage.runs.length, issues: warnings };
}

function describe(report: LintReport): string {
  const lines = report.issues.map((issue) => displayIssue(report.origin, issue));
  const n = report.issues.length;
  if (!report.pack) lines.push(`✗ ${report.path}: not a valid pack (${n} ${n === 1 ? 'problem' : 'problems'}); run vaim validate`);
  else if (report.ok) lines.push(`✓ ${report.path}: lints clean (${report.runs} runs explored)`);
  else lines.push(`! ${report.path}: ${n} ${n === 1 ? 'warning' : 'warnings'} (${report.runs} runs explored)`);
  return `${lines.join('\n')}\n`;
}

/** The `lint` sub-command. */
export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'warn about what a pack never reaches, moves that change nothing, dead ends, long text',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs(args, { json: { type: 'boolean' }, seed: { type: 'string' }, runs: { type: 'string' } });
    const fail = (message: string) => {
      io.stderr(`vaim lint: ${message}\n\n${USAGE}`);
      return EXIT.usage;
    };
    if ('error' in parsed) return fail(parsed.error);
    const seed = parseSeed(parsed.values.seed as string | undefined);
    if (typeof seed !== 'number') return fail(seed.error);
    const runs = parseCount('runs', parsed.values.runs as string | undefined, LINT_RANDOM_RUNS, 0, 1000);
    if (typeof runs !== 'number') return fail(runs.error);
    if (parsed.positionals.length === 0) return fail('give at least one pack path');
    const reports: LintReport[] = [];
    for (const path of parsed.positionals) {
      const report = await lintOne(path, seed, runs);
      reports.push(report);
      if (!parsed.values.json) io.stdout(describe(report));
    }
    const ok = reports.every((r) => r.ok);
    if (parsed.values.json) io.stdout(`${JSON.stringify({ ok, packs: reports }, null, 2)}\n`);
    return ok ? EXIT.ok : EXIT.failure;
  },
};
