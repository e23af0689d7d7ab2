/**
 * `vaim explore <pack> [--random N] [--seed N] [--json] [--out file]`: plays
 * greedy and seeded random policies over the pack's acts, scores each and
 * reports the best score a non-reference response reached, with the script
 * that reproduces it (for `vaim play --script`). A pack whose scoring a
 * shotgun policy can game shows it here.
 */
import { promises as fs } from 'node:fs';
import { explore, formatDuration, type ScriptEntry } from '../../engine';
import { loadPack } from '../../main/packs/load-pack';
import { parseCliArgs } from '../args';
import { type CliCommand, EXIT } from '../command';
import { displayIssue } from '../display';

const USAGE = `Usage: vaim explore <pack> [--random N] [--seed N] [--json] [--out file]

Plays every greedy policy (every allowed act the moment it is allowed, with and
without the harmful ones, with and without the answer key, in the owners' roles
and in wrong ones) and N seeded random policies, scores each run, and prints
the scores and the best one. The same pack, seed and N give the same output.

  <pack>         a pack folder, .yaml/.yml/.json file or .zip
  --random N     how many random policies (default 24, at most 500)
  --seed N       the first seed (whole number ≥ 0, default 1)
  --out <file>   write the best run's script there (a vaim play --script file)
  --json         print { runs, best, coverage } as JSON
  --help         show this help

Exit status: 0 when the exploration ran, 1 when the pack is invalid, 2 on a usage error.
`;

type Options = { readonly packPath: string; readonly random: number; readonly seed: number; readonly json: boolean; readonly out?: string };

/** A whole number within bounds from an option's text, or a message saying what is wrong. */
function wholeNumber(name: string, text: string | undefined, fallback: number, max: number): number | string {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) return `--${name} must be a whole number from 0 to ${max} (got "${text}")`;
  const value = Number(text);
  return value > max ? `--${name} must be at most ${max} (got ${value})` : value;
}

function parseOptions(args: readonly string[]): Options | string {
  const parsed = parseCliArgs(args, { random: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } });
  if ('error' in parsed) return parsed.error;
  const values = parsed.values as { random?: string; seed?: string; json?: boolean; out?: string };
  if (parsed.positionals.length !== 1) return 'give exactly one pack path';
  const random = wholeNumber('random', values.random, 24, 500);
  if (typeof random === 'string') return random;
  const seed = wholeNumber('seed', values.seed, 1, 2 ** 31 - 1);
  if (typeof seed === 'string') return seed;
  return { packPath: parsed.positionals[0]!, random, seed, json: values.json ?? false, ...(values.out ? { out: values.out } : {}) };
}

/** A script as YAML-free JSON lines a person can read and `vaim play --script` can run. */
function scriptText(script: readonly ScriptEntry[]): string {
  const entries = script.map((e) => (e.at === undefined ? { by: e.by, command: e.command } : { at: formatDuration(e.at), by: e.by, command: e.command }));
  return `${JSON.stringify(entries, null, 1)}\n`;
}

/** The `explore` sub-command. */
export const exploreCommand: CliCommand = {
  name: 'explore',
  summary: 'search greedy and random policies for the best non-reference score (gameable scoring shows here)',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.stderr(`vaim explore: ${options}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const loaded = await loadPack(options.packPath);
    if (!loaded.ok) {
      for (const issue of loaded.error.issues) io.stderr(`${displayIssue(loaded.error.origin, issue)}\n`);
      return EXIT.failure;
    }
    const result = explore(loaded.value.pack, { random: options.random, seed: options.seed });
    if (options.out) await fs.writeFile(options.out, scriptText(result.best.script));
    if (options.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...result.runs.map((r) => r.policy.length));
    for (const run of result.runs) io.stdout(`${String(run.score).padStart(5)}  ${run.policy.padEnd(width)}  seed ${run.seed}\n`);
    const never = Object.entries(result.coverage.injects).filter(([, n]) => n === 0).map(([id]) => id);
    io.stdout(`best non-reference score: ${result.best.score} (${result.best.policy}, seed ${result.best.seed})${options.out ? `; its script is in ${options.out}` : ''}\n`);
    io.stdout(never.length ? `injects no explored run reached: ${never.join(', ')}\n` : 'every inject was reached by at least one explored run\n');
    return EXIT.ok;
  },
};
