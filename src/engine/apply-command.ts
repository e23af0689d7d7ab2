/**
 * The reducer: `(pack, state, command) → new state + facts | rejection`.
 * Validates the phase, then dispatches to one handler per command type
 * (src/engine/commands/*). Handlers check everything before they change the
 * working state, so a rejection leaves it untouched — except `trigger-loop`,
 * which is only known after the change (see replay.ts).
 */
import { assertNever, err, ok } from './result';
import type { Actor, Command, CommandType } from './command-schema';
import { type Ctx, type Outcome, q, reject } from './context';
import { type DraftState, draftOf } from './draft';
import type { Pack } from './pack/schema';
import { indexOf, type PackIndex } from './pack-index';
import type { ApplyResult, Fact, RunState } from './types';
import { clockAdvance } from './commands/clock-advance';
import { clockJumpToNext } from './commands/clock-jump-to-next';
import { clockPause } from './commands/clock-pause';
import { clockResume } from './commands/clock-resume';
import { clockSetCompression } from './commands/clock-set-compression';
import { decisionAnswer } from './commands/decision-answer';
import { injectAdhoc } from './commands/inject-adhoc';
import { injectRelease } from './commands/inject-release';
import { moveMake } from './commands/move-make';
import { noteAdd } from './commands/note-add';
import { r3aiClassify } from './commands/r3ai-classify';
import { readinessSet } from './commands/readiness-set';
import { roleAssign } from './commands/role-assign';
import { roleUnassign } from './commands/role-unassign';
import { runEnd } from './commands/run-end';
import { runStart } from './commands/run-start';
import { severityClassify } from './commands/severity-classify';
import { traceActionItemAdd } from './commands/trace-action-item-add';
import { traceActionItemRemove } from './commands/trace-action-item-remove';
import { traceReflect } from './commands/trace-reflect';
import { traceRootCause } from './commands/trace-root-cause';
import { traceSelect } from './commands/trace-select';

type Phase = RunState['phase'];
const SETUP: readonly Phase[] = ['setup'];
const SETUP_RUNNING: readonly Phase[] = ['setup', 'running'];
const RUNNING: readonly Phase[] = ['running'];
const RUNNING_ENDED: readonly Phase[] = ['running', 'ended'];
const ANY: readonly Phase[] = ['setup', 'running', 'ended'];

/** In which phases each command is accepted. */
export const COMMAND_PHASES: Readonly<Record<CommandType, readonly Phase[]>> = {
  'role.assign': SETUP_RUNNING,
  'role.unassign': SETUP_RUNNING,
  'readiness.set': SETUP,
  'run.start': SETUP,
  'run.end': RUNNING,
  'clock.advance': RUNNING,
  'clock.pause': RUNNING,
  'clock.resume': RUNNING,
  'clock.setCompression': RUNNING,
  'clock.jumpToNext': RUNNING,
  'severity.classify': RUNNING,
  'r3ai.classify': RUNNING,
  'move.make': RUNNING,
  'decision.answer': RUNNING,
  'trace.rootCause': RUNNING_ENDED,
  'trace.select': RUNNING_ENDED,
  'trace.reflect': RUNNING_ENDED,
  'trace.actionItem.add': RUNNING_ENDED,
  'trace.actionItem.remove': RUNNING_ENDED,
  'inject.release': RUNNING,
  'inject.adhoc': RUNNING,
  'note.add': ANY,
};

/**
 * Applies one command. Pure: `state` is never mutated; the new state is a
 * copy (containers copied, unchanged records shared).
 */
export function applyCommand(pack: Pack, state: RunState, entry: { readonly by: Actor; readonly command: Command }): ApplyResult {
  const early = checkPhase(state, entry.command);
  if (early !== undefined) return err(early);
  const draft = draftOf(state);
  const facts: Fact[] = [];
  const rejection = applyToDraft(pack, draft, entry, facts);
  return rejection === undefined ? ok({ state: draft, facts }) : err(rejection);
}

/**
 * Applies one command to a working state in place, pushing facts to `facts`.
 * On a rejection other than `trigger-loop` the state is unchanged. `index`
 * is the pack's cached index (tests pass a variant without the shortcuts).
 */
export function applyToDraft(
  pack: Pack,
  state: DraftState,
  entry: { readonly by: Actor; readonly command: Command },
  facts: Fact[],
  index: PackIndex = indexOf(pack),
): Outcome {
  const early = checkPhase(state, entry.command);
  if (early !== undefined) return early;
  return dispatch({ pack, index, state, by: entry.by, facts, cause: undefined, service: undefined }, entry.command);
}

function checkPhase(state: RunState, command: Command): Outcome {
  const type = (command as { type?: unknown } | null | undefined)?.type;
  const phases = typeof type === 'string' && Object.hasOwn(COMMAND_PHASES, type) ? COMMAND_PHASES[type as CommandType] : undefined;
  if (phases === undefined) return reject('invalid-command', `Unknown command type ${q(type)}.`);
  if (phases.includes(state.phase)) return undefined;
  return reject('wrong-phase', `${q(type)} is not allowed while the run is ${phaseWord(state.phase)} (allowed: ${phases.map(phaseWord).join(', ')}).`);
}

const phaseWord = (phase: Phase): string => (phase === 'setup' ? 'in setup' : phase);

function dispatch(ctx: Ctx, command: Command): Outcome {
  switch (command.type) {
    case 'role.assign': return roleAssign(ctx, command);
    case 'role.unassign': return roleUnassign(ctx, command);
    case 'readiness.set': return readinessSet(ctx, command);
    case 'run.start': return runStart(ctx, command);
    case 'run.end': return runEnd(ctx, command);
    case 'clock.advance': return clockAdvance(ctx, command);
    case 'clock.pause': return clockPause(ctx, command);
    case 'clock.resume': return clockResume(ctx, command);
    case 'clock.setCompression': return clockSetCompression(ctx, command);
    case 'clock.jumpToNext': return clockJumpToNext(ctx, command);
    case 'severity.classify': return severityClassify(ctx, command);
    case 'r3ai.classify': return r3aiClassify(ctx, command);
    case 'move.make': return moveMake(ctx, command);
    case 'decision.answer': return decisionAnswer(ctx, command);
    case 'trace.rootCause': return traceRootCause(ctx, command);
    case 'trace.select': return traceSelect(ctx, command);
    case 'trace.reflect': return traceReflect(ctx, command);
    case 'trace.actionItem.add': return traceActionItemAdd(ctx, command);
    case 'trace.actionItem.remove': return traceActionItemRemove(ctx, command);
    case 'inject.release': return injectRelease(ctx, command);
    case 'inject.adhoc': return injectAdhoc(ctx, command);
    case 'note.add': return noteAdd(ctx, command);
    default: return assertNever(command);
  }
}
