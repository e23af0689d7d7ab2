/** Run, pack and pack-item ids in tests: checked like the app checks them, or deliberately unchecked for hostile-input tests. */
import {
  actionItemIdSchema, criterionIdSchema, decisionIdSchema, injectIdSchema, moveIdSchema, obligationIdSchema, optionIdSchema, packIdSchema, readinessIdSchema, toRunId,
  traceChoiceIdSchema, variableIdSchema,
  type ActionItemId, type CriterionId, type DecisionId, type InjectId, type MoveId, type ObligationId, type OptionId, type PackId, type ReadinessId, type RunId,
  type TraceChoiceId, type VariableId,
} from '../src/engine';

/** A test's run id, checked (a typo in a test fails loudly here, not deep in the store). */
export function testRunId(value: string): RunId {
  const id = toRunId(value);
  if (id === undefined) throw new Error(`not a run id: ${JSON.stringify(value)}`);
  return id;
}

/** A string passed where a run id goes without the check, as hostile input over IPC or a socket arrives. */
export const uncheckedRunId = (value: string): RunId => value as RunId;

/** A test's pack id, checked by the pack schema's own rule. */
export function testPackId(value: string): PackId {
  return packIdSchema.parse(value);
}

/** A string passed where a pack id goes without the check (hostile input). */
export const uncheckedPackId = (value: string): PackId => value as PackId;

/** A test's move id, checked by the pack schema's own rule (whether the pack has the move is the engine's to say). */
export function testMoveId(value: string): MoveId {
  return moveIdSchema.parse(value);
}

/** A test's decision prompt id, checked by the pack schema's own rule. */
export function testDecisionId(value: string): DecisionId {
  return decisionIdSchema.parse(value);
}

/** A test's inject id, checked by the pack schema's own rule. */
export function testInjectId(value: string): InjectId {
  return injectIdSchema.parse(value);
}

/** A test's variable id, checked by the pack schema's own rule. */
export function testVariableId(value: string): VariableId {
  return variableIdSchema.parse(value);
}

/** A test's obligation id, checked by the pack schema's own rule. */
export function testObligationId(value: string): ObligationId {
  return obligationIdSchema.parse(value);
}

/** A test's decision option id, checked by the pack schema's own rule. */
export const testOptionId = (value: string): OptionId => optionIdSchema.parse(value);

/** A test's readiness item id, checked by the pack schema's own rule. */
export const testReadinessId = (value: string): ReadinessId => readinessIdSchema.parse(value);

/** A test's recovery criterion id, checked by the pack schema's own rule. */
export const testCriterionId = (value: string): CriterionId => criterionIdSchema.parse(value);

/** A test's TRACE choice id (root-cause candidate, correction, evolution), checked by the pack schema's own rule. */
export const testTraceChoiceId = (value: string): TraceChoiceId => traceChoiceIdSchema.parse(value);

/** A test's action item id, checked by the command schema's own rule. */
export const testActionItemId = (value: string): ActionItemId => actionItemIdSchema.parse(value);
