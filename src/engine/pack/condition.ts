/**
 * The condition language packs use in `when`, `requires`, obligation
 * triggers and recovery criteria. A condition is a small JSON object keyed by
 * what it tests; `all` / `any` / `not` combine them.
 */
import { z } from 'zod';
import {
  decisionIdSchema, durationSchema, idSchema, injectIdSchema, moveIdSchema, obligationIdSchema, optionIdSchema, readinessIdSchema, variableIdSchema,
  type DecisionId, type InjectId, type MoveId, type ObligationId, type OptionId, type ReadinessId, type VariableId,
} from './primitives';
import { R3AI_CATEGORIES, SEVERITY_LEVELS } from './vocabulary';

/** Comparison operators a `var` or `severity` test can use (exactly one). */
export const COMPARATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type Comparator = (typeof COMPARATORS)[number];

type Scalar = number | boolean | string;
/** One comparison: exactly one operator key is present. */
export type Comparison<T> = Partial<Record<Comparator, T>>;

/** A condition after parsing (durations resolved to minutes). */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | ({ readonly var: VariableId } & Comparison<Scalar>)
  | { readonly move: MoveId; readonly effective?: boolean }
  | { readonly inject: InjectId }
  | { readonly decision: DecisionId; readonly chose?: OptionId; readonly is?: DecisionStatus }
  | { readonly severity: Comparison<number> }
  | { readonly r3ai: (typeof R3AI_CATEGORIES)[number] }
  | { readonly elapsed: Comparison<number> }
  | { readonly sinceInject: InjectId; readonly atLeast: number }
  | { readonly readiness: ReadinessId; readonly is?: boolean }
  | { readonly obligation: ObligationId; readonly is: ObligationStatus }
  | { readonly gateViolated: boolean }
  | { readonly role: string; readonly assigned: boolean };

/** Where a decision prompt stands. */
export const DECISION_STATUSES = ['pending', 'open', 'answered', 'expired'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Where an obligation stands. */
export const OBLIGATION_STATUSES = ['pending', 'running', 'met', 'overdue', 'met-late'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

const exactlyOneComparator = (value: Record<string, unknown>) =>
  COMPARATORS.filter((op) => op in value).length === 1;
const ONE_COMPARATOR = { message: 'needs exactly one of eq, ne, gt, gte, lt, lte' };

const scalar = z.union([z.number(), z.boolean(), z.string()]);
const severityValue = z.union(SEVERITY_LEVELS.map((level) => z.literal(level)) as [
  z.ZodLiteral<1>,
  z.ZodLiteral<2>,
  ...z.ZodLiteral<number>[],
]);

function comparison<T extends z.ZodType>(value: T) {
  return z
    .strictObject({
      eq: value.optional(),
      ne: value.optional(),
      gt: value.optional(),
      gte: value.optional(),
      lt: value.optional(),
      lte: value.optional(),
    })
    .refine(exactlyOneComparator, ONE_COMPARATOR);
}

/**
 * Each branch of the condition language, keyed by the property that
 * identifies it. The validator picks the branch by that key so authors get
 * the branch's own message instead of a generic "invalid union".
 */
export const conditionBranches = {
  all: z.strictObject({ get all() { return z.array(conditionSchema).min(1); } }).describe('True when every listed condition holds'),
  any: z.strictObject({ get any() { return z.array(conditionSchema).min(1); } }).describe('True when at least one listed condition holds'),
  not: z.strictObject({ get not() { return conditionSchema; } }).describe('True when the condition does not hold'),
  var: z
    .strictObject({
      var: variableIdSchema,
      eq: scalar.optional(),
      ne: scalar.optional(),
      gt: z.number().optional(),
      gte: z.number().optional(),
      lt: z.number().optional(),
      lte: z.number().optional(),
    })
    .refine(exactlyOneComparator, ONE_COMPARATOR)
    .describe("Compares a variable's current value (exactly one of eq, ne, gt, gte, lt, lte)"),
  move: z
    .strictObject({ move: moveIdSchema, effective: z.boolean().optional() })
    .describe('True once the move was made (with effective: true, once its effects have applied)'),
  inject: z.strictObject({ inject: injectIdSchema }).describe('True once the inject has fired'),
  decision: z.strictObject({
    decision: decisionIdSchema,
    chose: optionIdSchema.optional(),
    is: z.enum(DECISION_STATUSES).optional(),
  }).describe('A decision prompt: its status (is), or whether the team chose an option (chose)'),
  severity: z
    .strictObject({ severity: comparison(severityValue) })
    .describe("Compares the team's latest V-SEV level (0 before any classification)"),
  r3ai: z.strictObject({ r3ai: z.enum(R3AI_CATEGORIES) }).describe("True when the team's latest R3AI category is this one"),
  elapsed: z.strictObject({ elapsed: comparison(durationSchema) }).describe('Compares the scenario time since the start'),
  sinceInject: z
    .strictObject({ sinceInject: injectIdSchema, atLeast: durationSchema })
    .describe('True when the inject fired at least `atLeast` ago'),
  readiness: z
    .strictObject({ readiness: readinessIdSchema, is: z.boolean().optional() })
    .describe('A readiness checklist answer (is defaults to true; an unanswered item counts as false)'),
  obligation: z
    .strictObject({ obligation: obligationIdSchema, is: z.enum(OBLIGATION_STATUSES) })
    .describe("An obligation's status (pending = not started; met = on time; met-late = late)"),
  gateViolated: z
    .strictObject({ gateViolated: z.boolean() })
    .describe('True once a restart was made while a recovery criterion was unmet'),
  role: z.strictObject({ role: idSchema, assigned: z.boolean() }).describe('Whether the role has a participant'),
} as const;

/** The key that identifies each condition branch. */
export type ConditionKey = keyof typeof conditionBranches;
/** All condition keys, for messages ("expected one of …"). */
export const CONDITION_KEYS = Object.keys(conditionBranches) as ConditionKey[];

/** Zod schema of a condition (recursive). */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() => {
  const b = conditionBranches;
  return z.union([b.all, b.any, b.not, b.var, b.move, b.inject, b.decision, b.severity, b.r3ai, b.elapsed, b.sinceInject, b.readiness, b.obligation, b.gateViolated, b.role]);
}) as z.ZodType<Condition>;
