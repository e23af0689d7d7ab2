/**
 * `vaim play <pack> (--script <file> | --reference) [--json] [--seed N]`:
 * plays a run headless through the engine and prints what happened. Output
 * depends only on the pack, the script and the seed (no wall clock), so it
 * can be compared byte for byte.
 */
import { promises as fs } from 'node:fs';
import {
  derivedRunId,
  formatDuration,
  isScriptError,
  playScript,
  ROLE_TITLES,
  parseScript,
  type LogEntry,
  type Pack,
  type RunHeader,
  type RunState,
  type Script,
  score,
  type ScoreReport,
} from '../../engine';
import { loadPack } from '../../main/packs/load-pack';
import { parseCliArgs, parseSeed } from '../args';
import { readYaml } from '../../main/packs/yaml-read';
import { formatIssue } from '../../shared/packs';
import { type CliCommand, type CliIo, EXIT } from '../command';
import { displayIssue } from '../display';

const USAGE = `Usage: vaim play <pack> (--script <file> | --reference) [--json] [--seed N]

Plays a run of a scenario pack without the app and prints the final state:
clock, severity history, moves (with times and flags), obligations, harm,
injects fired, decisions and recovery-gate violations.

  <pack>            a pack folder, .yaml/.yml/.json file or .zip
  --script <file>   a YAML or JSON script: a list of { at?, by, command }
                    (or { entries: [...] }); "at" is a scenario time such as 90, "2h" or "1d 4h"
  --reference       play the pack's own reference timeline instead
  --seed N          the run seed (whole number, default 1): decides jittered inject times
  --json            print { header, summary, log, state } as JSON
  --help            show this help

Entries before the first "at" are setup commands; an entry with "at" starts the run
if needed and advances the clock to that time first. After the last entry the run
is advanced to the scenario end and ended.

Exit status: 0 when the play completed, 1 when the pack or script is invalid or an
entry is refused, 2 on a usage error.
`;

type Options = { readonly packPath: string; readonly scriptPath?: string; readonly seed: number; readonly json: boolean };

function parseOptions(args: readonly string[]): Options | string {
  const parsed = parseCliArgs(args, { script: { type: 'string' }, reference: { type: 'boolean' }, json: { type: 'boolean' }, seed: { type: 'string' } });
  if ('error' in parsed) return parsed.error;
  const { values, positionals } = parsed;
  const seed = parseSeed(values.seed as string | undefined);
  if (typeof seed !== 'number') return seed.error;
  if (positionals.length !== 1) return 'give exactly one pack path';
  if ((values.script === undefined) === (values.reference !== true)) return 'give either --script <file> or --reference';
  return {
    packPath: positionals[0] ?? '',
    ...(typeof values.script === 'string' ? { scriptPath: values.script } : {}),
    seed,
    json: values.json === true,
  };
}

/** Reads and validates a script file; the error lists every problem as `file:line:col: entry N: field: message`. */
export async function readScript(path: string): Promise<Script | string> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `${path}: ${code === 'ENOENT' ? 'does not exist' : `could not be read (${error instanceof Error ? error.message : String(error)})`}`;
  }
  const read = readYaml(path, text);
  if (!read.source || read.issues.length > 0) return read.issues.map(formatIssue).join('\n');
  const { doc, lines: lineCounter } = read.source;
  const data: unknown = read.value;
  const parsed = parseScript(data);
  if (parsed.ok) return parsed.value;
  const wrapped = typeof data === 'object' && data !== null && !Array.isArray(data) && 'entries' in data;
  return parsed.error
    .map((issue) => {
      const [index, ...rest] = issue.path;
      // A missing field has no node: point at the closest enclosing one.
      const full = wrapped ? ['entries', ...issue.path] : [...issue.path];
      let node: { range?: [number, number] } | undefined;
      for (let depth = full.length; depth >= 0 && node?.range === undefined; depth -= 1) {
        node = doc.getIn(full.slice(0, depth), true) as typeof node;
      }
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
      const where = pos ? `${path}:${pos.line}:${pos.col}` : path;
      const entry = typeof index === 'number' ? `entry ${index + 1}` : 'script';
      return `${where}: ${entry}${rest.length > 0 ? `: ${rest.map(String).join('.')}` : ''}: ${issue.message}`;
    })
    .join('\n');
}

/** What `vaim play` reports about a finished run. */
export type PlaySummary = ReturnType<typeof summarize>;

const round = (value: number): number => Math.round(value * 100) / 100;

/** The final state of a run in the terms a facilitator reads. */
export function summarize(pack: Pack, header: RunHeader, state: RunState) {
  const label = <T extends { id: string }>(items: readonly T[], id: string, key: (item: T) => string) => {
    const item = items.find((i) => i.id === id);
    return item === undefined ? id : key(item);
  };
  return {
    pack: { id: pack.id, version: pack.version, title: pack.title },
    seed: header.seed,
    phase: state.phase,
    clock: { now: state.clock.now, end: state.clock.end, ...(state.endedAt === undefined ? {} : { endedAt: state.endedAt }) },
    harm: { variable: pack.metrics.harm, label: pack.metrics.harmLabel, total: round(Number(state.vars[pack.metrics.harm]) || 0) },
    severity: state.severity.map((s) => ({ at: s.at, level: s.level, by: s.by })),
    r3ai: state.r3ai.map((r) => ({ at: r.at, category: r.category, by: r.by })),
    moves: state.moves.map((m) => ({
      at: m.at,
      move: m.moveId,
      label: label(pack.moves, m.moveId, (x) => x.label),
      by: m.by,
      effectiveAt: m.effectiveAt,
      effective: m.effective,
      outsideAuthority: m.outsideAuthority,
      ...(m.gateViolation === undefined ? {} : { gateViolation: m.gateViolation }),
    })),
    obligations: pack.obligations.map((o) => {
      const record = state.obligations[o.id];
      return { id: o.id, title: o.title, status: record?.status ?? ('pending' as const), ...(record ?? {}) };
    }),
    injects: state.feed.map((f) => ({
      at: f.at,
      inject: f.injectId,
      title: f.content?.title ?? label(pack.injects, f.injectId, (x) => x.title),
      released: f.released,
      adhoc: f.adhoc,
    })),
    decisions: pack.decisions.flatMap((d) => {
      const record = state.decisions[d.id];
      return record === undefined ? [] : [{ id: d.id, ...record }];
    }),
    gateViolations: state.moves.flatMap((m) => (m.gateViolation === undefined ? [] : [{ at: m.at, move: m.moveId, unmet: m.gateViolation }])),
  };
}

/** 4845.26 → "4,845.26", independent of the machine's locale. */
const groupThousands = (value: number): string => {
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
};
const t = (minutes: number | undefined): string => (minutes === undefined ? '–' : formatDuration(minutes));
const who = (actor: string): string => ROLE_TITLES[actor as keyof typeof ROLE_TITLES] ?? actor;

/** The summary as text, one section per aspect. */
export function formatSummary(summary: PlaySummary): string {
  const lines: string[] = [];
  const section = (title: string, items: readonly string[], empty = 'none') => {
    lines.push('', `${title}${items.length > 0 ? ` (${items.length})` : ''}`, ...(items.length > 0 ? items.map((i) => `  ${i}`) : [`  ${empty}`]));
  };
  lines.push(`${summary.pack.title} (${summary.pack.id} ${summary.pack.version}), seed ${summary.seed}`);
  const ended = summary.clock.endedAt === undefined ? '' : `, ended at ${t(summary.clock.endedAt)}`;
  lines.push(`Clock: ${t(summary.clock.now)} of ${t(summary.clock.end)}, phase ${summary.phase}${ended}`);
  lines.push(`Harm: ${summary.harm.label}: ${groupThousands(summary.harm.total)}`);
  section('Severity', summary.severity.map((s) => `${t(s.at)}  V${s.level} by ${who(s.by)}`), 'never classified');
  section('R3AI', summary.r3ai.map((r) => `${t(r.at)}  ${r.category} by ${who(r.by)}`), 'never classified');
  section('Moves', summary.moves.map((m) => {
    const flags = [
      m.effectiveAt === m.at ? '' : m.effective ? ` (effective ${t(m.effectiveAt)})` : ` (takes effect at ${t(m.effectiveAt)})`,
      m.outsideAuthority ? ' [outside authority]' : '',
      m.gateViolation ? ` [recovery gate violated: ${m.gateViolation.join(', ')}]` : '',
    ].join('');
    return `${t(m.at)}  ${m.move} "${m.label}" by ${who(m.by)}${flags}`;
  }));
  section('Obligations', summary.obligations.map((o) => {
    if (o.status === 'pending') return `${o.id}: not triggered`;
    const met = o.metAt === undefined ? '' : `, met at ${t(o.metAt)} with ${o.metWith ?? '?'} by ${who(o.metBy ?? '?')}`;
    return `${o.id}: ${o.status} (triggered ${t(o.triggeredAt)}, due ${t(o.dueAt)}${met})`;
  }));
  section('Injects fired', summary.injects.map((i) => `${t(i.at)}  ${i.inject} "${i.title}"${i.released ? ' [released early]' : ''}${i.adhoc ? ' [ad hoc]' : ''}`));
  section('Decisions', summary.decisions.map((d) => {
    const due = d.dueAt === undefined ? '' : `, due ${t(d.dueAt)}`;
    const closed = d.closedAt === undefined ? '' : `, ${d.status} at ${t(d.closedAt)}`;
    const answer = d.status === 'answered' ? `: ${[...d.options, ...(d.text ? [JSON.stringify(d.text)] : [])].join(', ')}` : '';
    return `${d.id}: ${d.status} (opened ${t(d.openedAt)}${due}${closed})${answer}`;
  }), 'none opened');
  section('Recovery gate violations', summary.gateViolations.map((g) => `${t(g.at)}  ${g.move}: unmet ${g.unmet.join(', ')}`));
  return `${lines.join('\n')}\n`;
}

/** The JSON `vaim play --json` prints (other commands may add fields such as a score report). */
export type PlayJson = { header: RunHeader; summary: PlaySummary; log: readonly LogEntry[]; state: RunState; report: ScoreReport };

async function play(options: Options, io: CliIo): Promise<number> {
  const loaded = await loadPack(options.packPath);
  if (!loaded.ok) {
    io.stderr(`${loaded.error.issues.map((issue) => displayIssue(loaded.error.origin, issue)).join('\n')}\nvaim play: ${options.packPath} is not a valid pack\n`);
    return EXIT.failure;
  }
  const { pack, hash } = loaded.value;
  let script: Script;
  if (options.scriptPath === undefined) script = pack.reference.timeline;
  else {
    const read = await readScript(options.scriptPath);
    if (typeof read === 'string') {
      io.stderr(`${read}\nvaim play: ${options.scriptPath} is not a valid script\n`);
      return EXIT.failure;
    }
    script = read;
  }
  try {
    const run = playScript(pack, script, { seed: options.seed, runId: derivedRunId('play', pack.id), packHash: hash });
    const summary = summarize(pack, run.header, run.state);
    if (options.json) {
      const output: PlayJson = { header: run.header, summary, log: run.log, state: run.state, report: score(pack, run.header, run.log) };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    } else io.stdout(formatSummary(summary));
    return EXIT.ok;
  } catch (error) {
    if (!isScriptError(error)) throw error;
    const source = options.scriptPath ?? `${options.packPath} (reference.timeline)`;
    io.stderr(`vaim play: ${source}: ${error.message}\n`);
    return EXIT.failure;
  }
}

/** The `play` sub-command. */
export const playCommand: CliCommand = {
  name: 'play',
  summary: 'play a run headless from a script or the reference timeline and print the outcome',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.stderr(`vaim play: ${options}\n\n${USAGE}`);
      return EXIT.usage;
    }
    return play(options, io);
  },
};
