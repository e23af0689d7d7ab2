/**
 * Scripts: a list of `{ at?, by, command }` entries played headless (the
 * `vaim play` command, a pack's reference timeline, tests). Playing a script
 * produces an ordinary header + log, so its result replays like any run.
 */
import { derivedRunId } from './run-id';
import type { RunId } from './types';
import { z } from 'zod';
import { applyToDraft } from './apply-command';
import { type Actor, actorSchema, type Command, commandSchema } from './command-schema';
import { createDraft } from './create-run';
import { formatDuration } from './pack/duration';
import type { PackIssue } from './pack/issues';
import { durationSchema } from './pack/primitives';
import { convertZodIssues } from './pack/zod-issues';
import { plainErrorMap } from './pack/zod-messages';
import { err, ok, type Result } from './result';
import type { Pack } from './pack/schema';
import { replay, stateReached } from './replay';
import { ENGINE_VERSION, type Fact, type LogEntry, type Rejection, type RunHeader, type RunMode, type RunState } from './types';
import { earliest, type SimMinutes } from './sim-minutes';

/** One script entry: an optional scenario time, who acts, and the command. */
export const scriptEntrySchema = z.strictObject({ at: durationSchema.optional(), by: actorSchema, command: commandSchema });

/** A script file `{ entries: [...] }` is read as its list of entries. */
const unwrapEntries = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'entries' in value
    ? (value as { entries: unknown }).entries
    : value;

const entriesSchema = z.array(scriptEntrySchema);

/**
 * A script file: a list of entries, or `{ entries: [...] }` (unwrapped first,
 * so error paths always start at the entry index).
 */
export const scriptSchema = z.preprocess(unwrapEntries, entriesSchema);

/**
 * Validates a script file's parsed content. Issue paths start at the entry
 * index (`[2, 'command', 'level']`) and messages are the pack validator's
 * plain-language ones.
 */
export function parseScript(input: unknown): Result<Script, PackIssue[]> {
  const entries = unwrapEntries(input);
  const parsed = entriesSchema.safeParse(entries, { error: plainErrorMap });
  return parsed.success ? ok(parsed.data) : err(convertZodIssues(parsed.error.issues, entriesSchema, entries, []));
}

/** A parsed script entry (`at` in minutes). A pack's reference timeline entry has the same shape. */
export type ScriptEntry = { readonly at?: SimMinutes; readonly by: Actor; readonly command: Command };
/** A parsed script. */
export type Script = readonly ScriptEntry[];

/**
 * Thrown by `playScript` when an entry is refused: an `Error` whose message
 * names the entry (1-based) and the rejection, carrying the 0-based `index`,
 * the rejection and the run up to (not including) that entry.
 */
export type ScriptError = Error & {
  readonly name: 'ScriptError';
  readonly index: number;
  readonly rejection: Rejection;
  readonly header: RunHeader;
  readonly log: readonly LogEntry[];
  /** The state before the refused entry. */
  readonly state: RunState;
};

/** Whether `error` was thrown by `playScript` for a refused entry. */
export function isScriptError(error: unknown): error is ScriptError {
  return error instanceof Error && error.name === 'ScriptError' && 'rejection' in error;
}

/** The run a script produced (every log entry was accepted). */
export type PlayResult = {
  readonly header: RunHeader;
  readonly log: readonly LogEntry[];
  readonly state: RunState;
  readonly facts: readonly (Fact & { readonly seq: number })[];
  /** With `skipRefused`: the entries that were refused and left out (0-based index). */
  readonly skipped: readonly { readonly index: number; readonly rejection: Rejection }[];
};

/** Options of `playScript`. Header fields default to fixed values so output is reproducible. */
export type PlayOptions = {
  readonly seed: number;
  readonly runId?: RunId;
  readonly packHash?: string;
  readonly mode?: RunMode;
  readonly createdAt?: string;
  readonly participants?: readonly string[];
  /**
   * Leave out refused entries instead of stopping (strategy exploration:
   * a policy that tries an act too early simply does not get it). An entry
   * whose `at` has already passed is applied at the current minute.
   */
  readonly skipRefused?: boolean;
};

/**
 * Plays a script: setup entries first; an entry with `at` starts the run if
 * needed (by `system`) and advances the clock to `at` (by `system`) before
 * its command; at the end the run is started if needed, advanced to the
 * scenario end and ended (by `system`). Every logged entry was accepted.
 * A refused entry stops the play: throws a `ScriptError` naming it.
 */
export function playScript(pack: Pack, script: Script, options: PlayOptions): PlayResult {
  const header: RunHeader = {
    runId: options.runId ?? derivedRunId('script', pack.id),
    engineVersion: ENGINE_VERSION,
    packId: pack.id,
    packVersion: pack.version,
    packHash: options.packHash ?? '',
    seed: options.seed,
    mode: options.mode ?? 'solo',
    createdAt: options.createdAt ?? '1970-01-01T00:00:00.000Z',
    participants: [...(options.participants ?? [])],
  };
  const state = createDraft(pack, header);
  const log: LogEntry[] = [];
  const facts: (Fact & { seq: number })[] = [];
  const skipped: { index: number; rejection: Rejection }[] = [];
  const scratch: Fact[] = [];
  const apply = (by: Actor, command: Command): Rejection | undefined => {
    scratch.length = 0;
    const rejection = applyToDraft(pack, state, { by, command }, scratch);
    if (rejection !== undefined) return rejection;
    const seq = log.length + 1;
    log.push({ seq, by, command });
    for (const fact of scratch) facts.push({ ...fact, seq });
    return undefined;
  };
  const stop = (index: number, entry: ScriptEntry | undefined, rejection: Rejection): void => {
    if (options.skipRefused && entry !== undefined) {
      skipped.push({ index, rejection });
      return;
    }
    const before = rejection.code === 'trigger-loop' ? stateReached(replay(pack, header, log)) : state;
    const error = Object.assign(new Error(failureMessage(index, entry, rejection, before)), { index, rejection, header, log, state: before });
    error.name = 'ScriptError';
    throw error;
  };
  for (const [index, entry] of script.entries()) {
    if (entry.at !== undefined) {
      if (state.phase === 'setup') {
        const started = apply('system', { type: 'run.start' });
        if (started !== undefined) {
          stop(index, entry, started);
          continue;
        }
      }
      const lateEntry = options.skipRefused && entry.at < state.clock.now;
      if (entry.at !== state.clock.now && !lateEntry && (state.phase === 'running' || !options.skipRefused)) {
        const advanced = apply('system', { type: 'clock.advance', to: options.skipRefused ? earliest(entry.at, state.clock.end) : entry.at });
        if (advanced !== undefined) {
          stop(index, entry, advanced);
          continue;
        }
      }
    }
    const rejection = apply(entry.by, entry.command);
    if (rejection !== undefined) stop(index, entry, rejection);
  }
  const finish = finishCommands(state);
  for (const command of finish) {
    const rejection = apply('system', command);
    if (rejection !== undefined) stop(script.length, undefined, rejection);
  }
  return { header, log, state, facts, skipped };
}

function finishCommands(state: RunState): Command[] {
  if (state.phase === 'ended') return [];
  const commands: Command[] = state.phase === 'setup' ? [{ type: 'run.start' }] : [];
  if (state.clock.now < state.clock.end) commands.push({ type: 'clock.advance', to: state.clock.end });
  commands.push({ type: 'run.end' });
  return commands;
}

function failureMessage(index: number, entry: ScriptEntry | undefined, rejection: Rejection, state: RunState): string {
  if (entry === undefined) return `Finishing the script (start, advance to the end, end) failed: ${rejection.message}`;
  return `Script entry ${index + 1} (${describeEntry(entry)}) was refused: ${refusalReason(entry, rejection, state)}`;
}

/** An entry in words: `decision.answer by incident-lead at 1h 30m`. */
export function describeEntry(entry: ScriptEntry): string {
  return `${entry.command.type} by ${entry.by}${entry.at === undefined ? '' : ` at ${formatDuration(entry.at)}`}`;
}

/**
 * Why an entry was refused, in one sentence that says what to change; the
 * state is the one before the entry (see `ScriptError.state`).
 */
export function refusalReason(entry: ScriptEntry, rejection: Rejection, state: RunState): string {
  const command = entry.command;
  const now = formatDuration(state.clock.now);
  if (command.type === 'decision.answer') {
    const record = state.decisions[command.decision];
    if (rejection.code === 'already-done' && record?.status === 'expired') {
      return `decision "${command.decision}" had already expired at ${formatDuration(record.closedAt ?? record.dueAt ?? 0)} (it was asked at ${formatDuration(record.openedAt)}); answer it before then, or remove the entry.`;
    }
    if (rejection.code === 'already-done' && record?.status === 'answered') {
      return `decision "${command.decision}" was already answered at ${formatDuration(record.closedAt ?? 0)} (by an earlier entry); remove this entry.`;
    }
    if (rejection.code === 'not-allowed') return `decision "${command.decision}" has not been asked yet at ${now}; move the entry after the inject that opens it.`;
  }
  if (command.type === 'move.make' && rejection.code === 'already-done') {
    const made = state.moves.find((m) => m.moveId === command.move);
    return `move "${command.move}" was already made${made ? ` at ${formatDuration(made.at)}` : ''} and cannot be repeated; remove this entry.`;
  }
  if (command.type === 'move.make' && rejection.code === 'precondition-failed') {
    const why = rejection.message.replace(/^.*cannot be made yet: /, '').replace(/\.$/, '');
    return `move "${command.move}" cannot be made yet at ${now}: ${why.charAt(0).toLowerCase()}${why.slice(1)}; move the entry later, or first make what it needs.`;
  }
  if (command.type === 'run.start' && rejection.code === 'wrong-phase') {
    return entry.at === undefined
      ? 'the run is already running; remove this entry.'
      : `a timeline starts the run by itself (at 0, before its first entry with an "at"), so this run.start at ${formatDuration(entry.at)} finds it already running; remove the entry.`;
  }
  if (rejection.code === 'beyond-end') return `its time is after the scenario end (${formatDuration(state.clock.end)}); make it earlier or remove the entry.`;
  return rejection.message;
}
