/**
 * What the run store and the sessions need from the engine, the pack loader
 * and scoring, behind one small port so unit tests can substitute a fake and
 * the services never reach past it. `real-deps.ts` wires the real ones.
 */
import type { Actor, ApplyResult, Command, LogEntry, Pack, ReplayResult, Result, RunHeader, RunState } from '../../engine';
import type { PackSnapshot, RunScoreSummary } from '../../shared/runs';

/** A pack snapshot that loaded: the parsed pack and the snapshot to store. */
export type LoadedSnapshot = { readonly pack: Pack; readonly snapshot: PackSnapshot };

/** Engine, snapshot loader and scoring, as the run services use them. */
export type RunDeps = {
  readonly engineVersion: number;
  readonly createRun: (pack: Pack, header: RunHeader) => RunState;
  readonly applyCommand: (pack: Pack, state: RunState, entry: { readonly by: Actor; readonly command: Command }) => ApplyResult;
  readonly replay: (pack: Pack, header: RunHeader, log: readonly LogEntry[]) => ReplayResult;
  /** Validates a stored snapshot (`{ pack, attachments, hash }`); the error says what is wrong. */
  readonly loadSnapshot: (json: unknown) => Result<LoadedSnapshot, string>;
  /** The total score of an ended run. */
  readonly score: (pack: Pack, header: RunHeader, log: readonly LogEntry[]) => RunScoreSummary | undefined;
};
