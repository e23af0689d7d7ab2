/**
 * Evaluates the pack condition language against a run state. Conditions are
 * compiled once per pack into closures (cached with the pack index, see
 * pack-index.ts) because the clock re-evaluates them every simulated minute.
 */
import type { Comparator, Comparison, Condition } from './pack/condition';
import type { DecisionId, MoveId, OptionId, VariableId } from './pack/primitives';
import { assertNever } from './result';
import type { RunState } from './types';

/**
 * The parts of a run state a condition can read besides variables. A command
 * that changes only one of them re-checks only the conditions that read it.
 */
export type ConditionInput = 'time' | 'moves' | 'injects' | 'decisions' | 'severity' | 'r3ai' | 'readiness' | 'obligations' | 'roles';

/** A condition turned into a closure, plus what it reads (used to skip needless re-evaluation). */
export type CompiledCondition = {
  readonly test: (state: RunState) => boolean;
  /** Reads the clock (`elapsed`, `sinceInject`): may change with every minute. */
  readonly time: boolean;
  /** Variable ids it reads. */
  readonly vars: readonly VariableId[];
  /** The other inputs it reads. */
  readonly reads: readonly ConditionInput[];
};

type Scalar = number | boolean | string;

const ALWAYS_FALSE: CompiledCondition = { test: () => false, time: false, vars: [], reads: [] };

/** The comparator a comparison object uses (exactly one by schema; the first wins otherwise). */
function comparatorOf(comparison: Comparison<Scalar>): Comparator | undefined {
  if (comparison.eq !== undefined) return 'eq';
  if (comparison.ne !== undefined) return 'ne';
  if (comparison.gt !== undefined) return 'gt';
  if (comparison.gte !== undefined) return 'gte';
  if (comparison.lt !== undefined) return 'lt';
  if (comparison.lte !== undefined) return 'lte';
  return undefined;
}

/** Builds `value => value <op> expected`; ordering operators are false for non-numbers. */
export function compileComparison(comparison: Comparison<Scalar>): (value: Scalar | undefined) => boolean {
  const op = comparatorOf(comparison);
  if (op === undefined) return () => false;
  const expected = comparison[op];
  switch (op) {
    case 'eq':
      return (v) => v === expected;
    case 'ne':
      return (v) => v !== expected;
    case 'gt':
      return (v) => typeof v === 'number' && typeof expected === 'number' && v > expected;
    case 'gte':
      return (v) => typeof v === 'number' && typeof expected === 'number' && v >= expected;
    case 'lt':
      return (v) => typeof v === 'number' && typeof expected === 'number' && v < expected;
    case 'lte':
      return (v) => typeof v === 'number' && typeof expected === 'number' && v <= expected;
    default:
      return assertNever(op);
  }
}

const leaf = (test: (state: RunState) => boolean, reads: readonly ConditionInput[], vars: readonly VariableId[] = []): CompiledCondition => ({
  test,
  time: reads.includes('time'),
  vars,
  reads,
});

function combine(parts: readonly CompiledCondition[], every: boolean): CompiledCondition {
  const tests = parts.map((p) => p.test);
  const time = parts.some((p) => p.time);
  const vars = [...new Set(parts.flatMap((p) => p.vars))];
  const reads = [...new Set(parts.flatMap((p) => p.reads))];
  const test = every
    ? (s: RunState) => {
        for (const t of tests) if (!t(s)) return false;
        return true;
      }
    : (s: RunState) => {
        for (const t of tests) if (t(s)) return true;
        return false;
      };
  return { test, time, vars, reads };
}

/** True once the move was made (or, with `effective`, once its effects applied). */
function moveTest(moveId: MoveId, effective: boolean): (s: RunState) => boolean {
  return (s) => {
    for (const m of s.moves) if (m.moveId === moveId && (!effective || m.effective)) return true;
    return false;
  };
}

function decisionTest(id: DecisionId, chose: OptionId | undefined, is: string | undefined): (s: RunState) => boolean {
  // A bare `{ decision }` means "answered", the only reading that is useful.
  const status = is ?? (chose === undefined ? 'answered' : undefined);
  return (s) => {
    const record = s.decisions[id];
    if (status !== undefined && (record?.status ?? 'pending') !== status) return false;
    if (chose !== undefined) return record?.status === 'answered' && record.options.includes(chose);
    return true;
  };
}

/** Compiles one condition (recursively). Shapes the schema would refuse compile to "false". */
export function compileCondition(condition: Condition): CompiledCondition {
  const c = condition;
  if ('all' in c) return combine(c.all.map(compileCondition), true);
  if ('any' in c) return combine(c.any.map(compileCondition), false);
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return { ...inner, test: (s) => !inner.test(s) };
  }
  if ('var' in c) {
    const id = c.var;
    const cmp = compileComparison(c);
    return leaf((s) => cmp(s.vars[id]), [], [id]);
  }
  if ('move' in c) return leaf(moveTest(c.move, c.effective === true), ['moves']);
  if ('inject' in c) {
    const id = c.inject;
    return leaf((s) => s.fired[id] !== undefined, ['injects']);
  }
  if ('decision' in c) return leaf(decisionTest(c.decision, c.chose, c.is), ['decisions']);
  if ('severity' in c) {
    const cmp = compileComparison(c.severity);
    return leaf((s) => cmp(s.severity[s.severity.length - 1]?.level ?? 0), ['severity']);
  }
  if ('r3ai' in c) {
    const category = c.r3ai;
    return leaf((s) => s.r3ai[s.r3ai.length - 1]?.category === category, ['r3ai']);
  }
  if ('elapsed' in c) {
    const cmp = compileComparison(c.elapsed);
    return leaf((s) => cmp(s.clock.now), ['time']);
  }
  if ('sinceInject' in c) {
    const id = c.sinceInject;
    const atLeast = c.atLeast;
    return leaf((s) => {
      const at = s.fired[id];
      return at !== undefined && s.clock.now - at >= atLeast;
    }, ['time', 'injects']);
  }
  if ('readiness' in c) {
    const id = c.readiness;
    const wanted = c.is ?? true;
    return leaf((s) => (s.readiness[id] ?? false) === wanted, ['readiness']);
  }
  if ('obligation' in c) {
    const id = c.obligation;
    const wanted = c.is;
    return leaf((s) => (s.obligations[id]?.status ?? 'pending') === wanted, ['obligations']);
  }
  if ('gateViolated' in c) {
    const wanted = c.gateViolated;
    return leaf((s) => s.moves.some((m) => m.gateViolation !== undefined) === wanted, ['moves']);
  }
  if ('role' in c) {
    const role = c.role as keyof RunState['roles'];
    const wanted = c.assigned;
    return leaf((s) => (s.roles[role] !== undefined) === wanted, ['roles']);
  }
  return ALWAYS_FALSE;
}

/** Whether a condition can change without an event: it reads the clock or a variable that accrues. */
const isDynamic = (compiled: CompiledCondition, accruing: ReadonlySet<string>): boolean =>
  compiled.time || compiled.vars.some((v) => accruing.has(v));

/**
 * A necessary condition of `condition` built only from the parts that change
 * on events (commands, due items, settle), not with the passing minutes or
 * accrual: while the gate is false, the condition is false whatever the clock
 * and the accruing variables say. `undefined` means "no such part" (always
 * possibly true). Quiet clock minutes only re-check conditions whose gate holds.
 */
export function compileGate(condition: Condition, accruing: ReadonlySet<string>): ((state: RunState) => boolean) | undefined {
  const compiled = compileCondition(condition);
  if (!isDynamic(compiled, accruing)) return compiled.test;
  const c = condition;
  if ('all' in c) {
    const gates = c.all.map((child) => compileGate(child, accruing)).filter((g) => g !== undefined);
    if (gates.length === 0) return undefined;
    return (s) => {
      for (const g of gates) if (!g(s)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const gates = c.any.map((child) => compileGate(child, accruing));
    if (gates.some((g) => g === undefined)) return undefined;
    return (s) => {
      for (const g of gates) if (g?.(s)) return true;
      return false;
    };
  }
  if ('sinceInject' in c) {
    const id = c.sinceInject;
    return (s) => s.fired[id] !== undefined;
  }
  return undefined;
}
