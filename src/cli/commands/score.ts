/**
 * `vaim score <pack> <run>`: scores a recorded run (a run folder, an exported
 * `.vaimrun.json`, or a script played on the spot) against the pack's
 * reference, prints every point with its reason, or writes a report export.
 * Also the scoring self-check `vaim validate` runs on every valid pack.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  buildDebrief,
  derivedRunId,
  ENGINE_VERSION,
  isScriptError,
  type LogEntry,
  type Pack,
  playScript,
  type RunHeader,
  type ScoreReport,
  score,
  selfCheck,
  type SelfCheckResult,
  STAGES,
} from '../../engine';
import { locatePackIssues } from '../../main/packs/load-files';
import { loadPack } from '../../main/packs/load-pack';
import { readYaml } from '../../main/packs/yaml-read';
import { isReportFormat, type ReportFormat, writeReport } from '../../main/report';
import { parseEntry, parseLog } from '../../main/runs/log-codec';
import { checkHeader, HEADER_FILE, LOG_FILE } from '../../main/runs/run-files';
import { formatIssue, type LoadedPack, type LocatedIssue } from '../../shared/packs';
import { parseCliArgs, parseSeed } from '../args';
import { type CliCommand, type CliIo, EXIT } from '../command';
import { displayIssue } from '../display';
import { readScript } from './play';

const USAGE = `Usage: vaim score <pack> <run> [--json] [--format md|html|json --out <file>] [--seed N] [--facilitator-notes]

Scores a run against the pack's V-AIM reference and explains every point.

  <pack>               a pack folder, .yaml/.yml/.json file or .zip
  <run>                a run folder (header.json + log.jsonl), an exported run
                       (.vaimrun.json: { header, log, pack? }), or a script
                       (YAML/JSON list of { at?, by, command }) played first
  --json               print the score report as JSON
  --format <f>         write the debrief report as md, html or json (needs --out)
  --out <file>         where to write it
  --seed N             seed for playing a script (whole number, default 1)
  --facilitator-notes  include the pack's facilitator notes in the written report
  --help               show this help

Exit status: 0 when scored, 1 when the pack or run is invalid, 2 on a usage error.
`;

type Options = {
  readonly packPath: string;
  readonly runPath: string;
  readonly json: boolean;
  readonly format?: ReportFormat;
  readonly out?: string;
  readonly seed: number;
  readonly facilitatorNotes: boolean;
};

function parseOptions(args: readonly string[]): Options | string {
  const parsed = parseCliArgs(args, {
    json: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    'facilitator-notes': { type: 'boolean' },
  });
  if ('error' in parsed) return parsed.error;
  const { positionals } = parsed;
  const values = parsed.values as { json?: boolean; format?: string; out?: string; seed?: string; 'facilitator-notes'?: boolean };
  const seed = parseSeed(values.seed);
  if (typeof seed !== 'number') return seed.error;
  if (positionals.length !== 2) return 'give a pack path and a run path';
  if (values.format !== undefined && !isReportFormat(values.format)) return `--format must be md, html or json, got "${values.format}"`;
  if ((values.format === undefined) !== (values.out === undefined)) return '--format and --out go together';
  return {
    packPath: positionals[0]!,
    runPath: positionals[1]!,
    json: values.json === true,
    ...(values.format === undefined ? {} : { format: values.format as ReportFormat }),
    ...(values.out === undefined ? {} : { out: values.out }),
    seed,
    facilitatorNotes: values['facilitator-notes'] === true,
  };
}

type Run = { readonly header: RunHeader; readonly log: readonly LogEntry[] };
const deps = { engineVersion: ENGINE_VERSION };

async function readRunFolder(dir: string): Promise<Run | string> {
  let headerText: string;
  let logBytes: Uint8Array;
  try {
    headerText = await fs.readFile(join(dir, HEADER_FILE), 'utf8');
    logBytes = await fs.readFile(join(dir, LOG_FILE)).catch((error: { code?: string }) => {
      if (error.code === 'ENOENT') return new Uint8Array();
      throw error;
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `${join(dir, HEADER_FILE)}: ${code === 'ENOENT' ? 'does not exist (a run folder holds header.json and log.jsonl)' : String(error)}`;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(headerText);
  } catch (error) {
    return `${join(dir, HEADER_FILE)}: is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const stored = typeof raw === 'object' && raw !== null && 'storageVersion' in raw;
  const header = checkHeader(raw, deps, join(dir, HEADER_FILE), stored);
  if (!header.ok) return header.error.message;
  const log = parseLog(logBytes);
  if (!log.ok) return `${join(dir, LOG_FILE)}:${log.line}: ${log.reason}`;
  return { header: header.value, log: log.entries };
}

function runFromValue(value: Record<string, unknown>, path: string): Run | string {
  if ('format' in value && value.format !== 'vaim-run') return `${path}: format must be "vaim-run" (this is not a V-AIM run file)`;
  const header = checkHeader(value.header, deps, `${path}: header`, false);
  if (!header.ok) return header.error.message;
  if (!Array.isArray(value.log)) return `${path}: log must be a list of entries`;
  const log: LogEntry[] = [];
  for (const [index, item] of value.log.entries()) {
    const entry = parseEntry(item, index + 1);
    if (!entry.ok) return `${path}: log entry ${index + 1}: ${entry.reason}`;
    log.push(entry.entry);
  }
  return { header: header.value, log };
}

/** Reads `<run>`, telling a folder, a run file and a script apart by their shape. */
async function readRun(path: string, pack: Pack, hash: string, seed: number): Promise<Run | string> {
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat) return `${path}: does not exist`;
  if (stat.isDirectory()) return readRunFolder(path);
  let value: unknown;
  try {
    const parsed = readYaml(path, await fs.readFile(path, 'utf8'));
    if (parsed.issues.length > 0) return parsed.issues.map(formatIssue).join('\n');
    value = parsed.value;
  } catch (error) {
    return `${path}: could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record && 'header' in record && 'log' in record) return runFromValue(record, path);
  if (!Array.isArray(value) && !(record && 'entries' in record)) {
    return `${path}: is neither a run (header.json + log.jsonl folder, or { header, log }) nor a script (a list of { at?, by, command })`;
  }
  const script = await readScript(path);
  if (typeof script === 'string') return script;
  try {
    const played = playScript(pack, script, { seed, runId: derivedRunId('score', pack.id), packHash: hash });
    return { header: played.header, log: played.log };
  } catch (error) {
    if (isScriptError(error)) return `${path}: ${error.message}`;
    throw error;
  }
}

/** The readable report: total, stage table, every line. */
export function formatReport(report: ScoreReport, title: string): string {
  const out = [`${title}: ${report.total} / 100`, ''];
  for (const w of report.warnings) out.push(`! ${w}`);
  if (report.warnings.length) out.push('');
  out.push('Stage      Score   Weight  Points');
  for (const s of STAGES) {
    const st = report.stages[s];
    const points = st.pointsMax > 0 ? `${st.points}/${st.pointsMax}` : 'not applicable';
    out.push(`${s.padEnd(9)}  ${String(st.score).padStart(5)}   ${String(st.max).padStart(6)}  ${points}`);
  }
  for (const s of STAGES) {
    const lines = report.stages[s].lines;
    if (!lines.length) continue;
    out.push('', `${s[0]!.toUpperCase()}${s.slice(1)} (${report.stages[s].score} of ${report.stages[s].max})`);
    for (const l of lines) {
      const pts = l.kind === 'not-applicable' ? '  n/a' : l.kind === 'penalty' ? String(l.points).padStart(5) : `${l.points}/${l.max}`.padStart(5);
      out.push(`  ${pts}  ${l.reason}`, `         reference: ${l.reference}`);
    }
  }
  return `${out.join('\n')}\n`;
}

async function run(options: Options, io: CliIo): Promise<number> {
  const loaded = await loadPack(options.packPath);
  if (!loaded.ok) {
    io.stderr(`${loaded.error.issues.map((i) => displayIssue(loaded.error.origin, i)).join('\n')}\nvaim score: ${options.packPath} is not a valid pack\n`);
    return EXIT.failure;
  }
  const { pack, hash } = loaded.value;
  const read = await readRun(options.runPath, pack, hash, options.seed);
  if (typeof read === 'string') {
    io.stderr(`${read}\nvaim score: ${options.runPath} could not be scored\n`);
    return EXIT.failure;
  }
  const { header, log } = read;
  if (header.packId !== pack.id) {
    io.stderr(`vaim score: ${options.runPath} is a run of pack "${header.packId}", not "${pack.id}"\n`);
    return EXIT.failure;
  }
  if (header.packVersion !== pack.version || (header.packHash && header.packHash !== hash)) {
    io.stderr(`vaim score: note: the run was recorded with ${pack.id} ${header.packVersion} (hash ${header.packHash.slice(0, 12) || 'unknown'}); scoring against ${pack.version} (hash ${hash.slice(0, 12)})\n`);
  }
  if (options.format && options.out) {
    const debrief = buildDebrief(pack, header, log, { includeFacilitatorNotes: options.facilitatorNotes });
    try {
      await writeReport(debrief, options.format, options.out);
    } catch (error) {
      io.stderr(`vaim score: could not write ${options.out}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.failure;
    }
    io.stdout(options.json ? `${JSON.stringify(debrief.score, null, 2)}\n` : `${debrief.score.total} / 100 — report written to ${options.out}\n`);
    return EXIT.ok;
  }
  const report = score(pack, header, log);
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, `${pack.title} — run ${header.runId}`));
  return EXIT.ok;
}

/** The scoring self-check as located issues, for `vaim validate`. */
export function scoringSelfCheck(loaded: LoadedPack): LocatedIssue[] {
  return locatePackIssues(loaded, selfCheckOf(loaded).issues);
}

const selfChecked = new WeakMap<LoadedPack, SelfCheckResult>();
/** The scoring self-check of a loaded pack, computed once (validate prints its figures and its issues). */
export function selfCheckOf(loaded: LoadedPack): SelfCheckResult {
  let result = selfChecked.get(loaded);
  if (result === undefined) {
    result = selfCheck(loaded.pack);
    selfChecked.set(loaded, result);
  }
  return result;
}

/** The `score` sub-command. */
export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'score a run against the pack’s reference and explain every point (or write a report)',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.stderr(`vaim score: ${options}\n\n${USAGE}`);
      return EXIT.usage;
    }
    return run(options, io);
  },
};
