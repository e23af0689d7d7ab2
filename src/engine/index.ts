/**
 * The engine's public surface: everything outside src/engine imports from
 * here. The engine is pure, synchronous and deterministic (see README.md).
 */

// Run lifecycle: create, apply, replay, play scripts.
export { createRun } from './create-run';
export { applyCommand, COMMAND_PHASES } from './apply-command';
export { replay, stateReached, type Replayed, type ReplayRefusal, type ReplayResult } from './replay';
export { formatIssues, parseCommand, parseSubmission, type Submission } from './parse-command';
export {
  isScriptError,
  parseScript,
  playScript,
  scriptEntrySchema,
  scriptSchema,
  type PlayOptions,
  type PlayResult,
  type Script,
  type ScriptEntry,
  type ScriptError,
} from './script';
export { describeCondition } from './describe-condition';

// Contracts: commands, run data, results.
export { actorSchema, commandSchema, type Actor, type Command, type CommandOf, type CommandType } from './command-schema';
export * from './types';
export { derivedRunId, isRunId, RUN_ID_PATTERN, toRunId } from './run-id';
export { runIdSchema } from './run-id-schema';
export { checkedId, isId, toPackId } from './pack/id-rule';
export { entriesOf, keysOf } from './records';
export { after, before, between, earliest, latest, MAX_SIM_MINUTES, NEVER, ONE_MINUTE, scaled, simMinutes, START } from './sim-minutes';
export { assertNever, err, ok, type Result } from './result';

// Pack format and vocabulary.
export * from './pack/vocabulary';
export {
  packSchema,
  PACK_FORMAT_VERSION,
  type Decision,
  type Inject,
  type Move,
  type Obligation,
  type Pack,
  type PackInput,
  type Reference,
  type TimelineEntry,
  type Variable,
} from './pack/schema';
export type { Condition, DecisionStatus, ObligationStatus } from './pack/condition';
export type { Effect } from './pack/effect';
export { formatDuration, parseDuration } from './pack/duration';
export * from './pack/validate';
export { packJsonSchema } from './pack/json-schema';

// Scoring against the reference and the TRACE debrief model.
export * from './scoring';

// Scenario time for people: the one formatter every screen, report and the CLI use.
export { clockOffset, formatSimDateTime, formatSimTime, formatSpan } from './time';
export { formatRealMinutes, formatRealSeconds, formatSimDateTimeZone, realSecondsFor } from './time';

// Pacing: where the clock stops, quiet periods (clock.jumpToNext, quiet-period skipping, play-time estimates).
export {
  activityMark,
  DEADLINE_WARNING_MINUTES,
  injectDueAt,
  isQuietPeriod,
  jumpTarget,
  nextStop,
  QUIET_GRACE_SECONDS,
  quietBlockers,
  upcomingStops,
  type QuietBlocker,
  type Stop,
  type StopReason,
} from './pacing';
export { ACT_SECONDS, estimatePlayTime, type EstimateOptions, type PlayEstimate } from './pacing-estimate';

// Strategy exploration (vaim explore / playtest, the strategy zoo).
export * from './explore';
export * from './lint';

// Helpers the pack loaders outside the engine share with it (reading untrusted JSON, ids, nesting limits).
export {
  actionItemIdSchema, criterionIdSchema, decisionIdSchema, durationSchema, idSchema, injectIdSchema, moveIdSchema, obligationIdSchema, optionIdSchema, packIdSchema,
  readinessIdSchema, simMinutesSchema, traceChoiceIdSchema, variableIdSchema,
  type ActionItemId, type CriterionId, type DecisionId, type InjectId, type MoveId, type ObligationId, type OptionId, type PackId, type ReadinessId, type TraceChoiceId,
  type VariableId,
} from './pack/primitives';
export { field, isRecord, items, str, type Json } from './pack/loose';
export { MAX_PACK_DEPTH } from './pack/plain-data';
export { closestName } from './pack/suggest';
/** Zod's messages in plain words for authors (run files and other untrusted JSON checked outside the engine). */
export { plainErrorMap } from './pack/zod-messages';
export { decisionOptionIds } from './pack-index';
export { acceptedOptionIds, fixedOptionIds, R3AI_OPTION_IDS, r3aiOptionId, SEVERITY_OPTION_IDS, severityOptionId } from './pack/decision-options';
