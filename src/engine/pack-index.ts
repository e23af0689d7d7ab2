/**
 * Per-pack lookup tables and compiled conditions, built once per pack object
 * and cached in a WeakMap (a pack is immutable once parsed). Every command
 * and every clock minute reads these instead of scanning the pack.
 */
import { compileCondition, compileGate, type CompiledCondition, type ConditionInput } from './conditions';
import type { CriterionId, DecisionId, InjectId, MoveId, ObligationId, OptionId, VariableId } from './pack/primitives';
import { acceptedOptionIds } from './pack/decision-options';
import type { Decision, Inject, Move, Obligation, Pack } from './pack/schema';
import { DEFAULT_READINESS_ITEMS } from './pack/vocabulary';
import type { RunState } from './types';
import { START, type SimMinutes } from './sim-minutes';

/** A condition's gate (see `compileGate`); `undefined` = always possibly true. */
export type Gate = ((state: RunState) => boolean) | undefined;
/** A triggered inject (one with `when`), with its compiled condition and gate. */
export type TriggeredInject = {
  readonly id: InjectId;
  readonly index: number;
  readonly when: CompiledCondition;
  readonly gate: Gate;
  readonly delay: SimMinutes;
};
/** An obligation with its compiled trigger and gate. */
export type ObligationInfo = {
  readonly id: ObligationId;
  readonly index: number;
  readonly obligation: Obligation;
  readonly trigger: CompiledCondition;
  readonly gate: Gate;
};
/**
 * One of an obligation's `earlierDeadlines`: it starts when `after` first
 * holds while the obligation runs (index = its position in the list).
 */
export type LimbInfo = {
  readonly obligationId: ObligationId;
  readonly index: number;
  readonly after: CompiledCondition;
  readonly gate: Gate;
  readonly within: SimMinutes;
};
/** A move with its owners, compiled precondition and recovery-gate flag. */
export type MoveInfo = {
  readonly move: Move;
  readonly owners: ReadonlySet<string>;
  readonly requires?: CompiledCondition;
  readonly restart: boolean;
  readonly delay: SimMinutes;
  /** The move's cost condition (`undefined`: the cost, if any, always applies). */
  readonly costWhen?: CompiledCondition;
};
/** A decision with its pack position and valid option ids. */
export type DecisionInfo = { readonly decision: Decision; readonly index: number; readonly optionIds: ReadonlySet<OptionId> };
/** One accruing number variable. */
export type AccrualRule = {
  readonly id: VariableId;
  readonly rate: number | VariableId;
  readonly divisor: number;
  readonly while?: CompiledCondition;
  readonly min?: number;
  readonly max?: number;
};

/** What one settle round checks. */
export type SettleCandidates = {
  readonly injects: readonly TriggeredInject[];
  readonly obligations: readonly ObligationInfo[];
  readonly limbs: readonly LimbInfo[];
};

/** Everything the reducer looks up in a pack. */
export type PackIndex = {
  readonly injects: ReadonlyMap<InjectId, { readonly inject: Inject; readonly index: number }>;
  /** Indices of timed injects (with `at`), pack order. */
  readonly timed: readonly number[];
  readonly triggered: readonly TriggeredInject[];
  readonly moves: ReadonlyMap<MoveId, MoveInfo>;
  readonly decisions: ReadonlyMap<DecisionId, DecisionInfo>;
  readonly obligations: readonly ObligationInfo[];
  readonly obligationsByMove: ReadonlyMap<MoveId, readonly ObligationInfo[]>;
  /** Each obligation's earlier-deadline limbs, in pack order. */
  readonly limbsOf: ReadonlyMap<string, readonly LimbInfo[]>;
  readonly numberBounds: ReadonlyMap<string, { readonly min?: number; readonly max?: number }>;
  readonly accruals: readonly AccrualRule[];
  readonly criteria: readonly { readonly id: CriterionId; readonly condition: CompiledCondition }[];
  /** The recovery gate's in-service condition and the variables it reads (packs without one: undefined). */
  readonly service?: { readonly condition: CompiledCondition; readonly vars: ReadonlySet<string> };
  /** Compiled cost conditions of decision options, keyed `decision/option`. */
  readonly optionCosts: ReadonlyMap<string, CompiledCondition>;
  readonly readinessIds: ReadonlySet<string>;
  readonly rootCauseIds: ReadonlySet<string>;
  readonly correctionIds: ReadonlySet<string>;
  readonly evolutionIds: ReadonlySet<string>;
  /**
   * What a quiet clock minute (no due item, no command) must re-check: the
   * triggered injects and obligation triggers that read the clock, and —
   * when accrual changed a variable — those that read an accruing variable.
   * Everything else cannot have changed since the last settle.
   */
  readonly quiet: { readonly time: SettleCandidates; readonly accrual: SettleCandidates };
  /** Every triggered inject and obligation: what a full settle checks. */
  readonly all: SettleCandidates;
  /** The triggered injects and obligations whose condition reads `input` (memoised). */
  readonly readers: (input: ConditionInput) => SettleCandidates;
};

const DIVISORS = { minute: 1, hour: 60, day: 1440 } as const;
const cache = new WeakMap<Pack, PackIndex>();

/** The index of `pack`, built on first use. */
export function indexOf(pack: Pack): PackIndex {
  let index = cache.get(pack);
  if (index === undefined) {
    index = buildIndex(pack);
    cache.set(pack, index);
  }
  return index;
}

function buildIndex(pack: Pack): PackIndex {
  const injects = new Map(pack.injects.map((inject, index) => [inject.id, { inject, index }] as const));
  const timed = pack.injects.flatMap((inject, index) => (inject.at === undefined ? [] : [index]));
  const restartMoves = new Set(pack.recovery.restartMoves);
  const moves = new Map<MoveId, MoveInfo>(
    pack.moves.map((move) => [
      move.id,
      {
        move,
        owners: new Set(Array.isArray(move.owner) ? move.owner : [move.owner]),
        ...(move.requires === undefined ? {} : { requires: compileCondition(move.requires) }),
        restart: restartMoves.has(move.id),
        delay: move.delay ?? START,
        ...(move.cost?.when === undefined ? {} : { costWhen: compileCondition(move.cost.when) }),
      },
    ]),
  );
  const optionCosts = new Map<string, CompiledCondition>();
  for (const decision of pack.decisions) {
    for (const option of decision.options ?? []) {
      if (option.cost?.when !== undefined) optionCosts.set(`${decision.id}/${option.id}`, compileCondition(option.cost.when));
    }
  }
  const decisions = new Map(
    pack.decisions.map((decision, index) => [
      decision.id,
      { decision, index, optionIds: new Set(acceptedOptionIds(decision)) },
    ]),
  );
  const numberBounds = new Map<string, { min?: number; max?: number }>();
  const accruals: AccrualRule[] = [];
  for (const variable of pack.variables) {
    if (variable.type !== 'number') continue;
    const bounds = { ...(variable.min === undefined ? {} : { min: variable.min }), ...(variable.max === undefined ? {} : { max: variable.max }) };
    numberBounds.set(variable.id, bounds);
    if (variable.accrue !== undefined) {
      accruals.push({
        id: variable.id,
        rate: variable.accrue.rate,
        divisor: DIVISORS[variable.accrue.per],
        ...(variable.accrue.while === undefined ? {} : { while: compileCondition(variable.accrue.while) }),
        ...bounds,
      });
    }
  }
  const accruing = new Set(accruals.map((a) => a.id));
  const triggered = pack.injects.flatMap((inject, index) =>
    inject.when === undefined
      ? []
      : [{ id: inject.id, index, when: compileCondition(inject.when), gate: compileGate(inject.when, accruing), delay: inject.delay ?? START }],
  );
  const obligations = pack.obligations.map((obligation, index) => ({
    id: obligation.id,
    index,
    obligation,
    trigger: compileCondition(obligation.trigger),
    gate: compileGate(obligation.trigger, accruing),
  }));
  const limbs: LimbInfo[] = pack.obligations.flatMap((obligation) =>
    (obligation.earlierDeadlines ?? []).map((limb, index) => ({
      obligationId: obligation.id,
      index,
      after: compileCondition(limb.after),
      gate: compileGate(limb.after, accruing),
      within: limb.within,
    })),
  );
  const obligationsByMove = new Map<MoveId, ObligationInfo[]>();
  for (const info of obligations) {
    for (const moveId of info.obligation.satisfiedBy) {
      obligationsByMove.set(moveId, [...(obligationsByMove.get(moveId) ?? []), info]);
    }
  }
  const readsAccruing = (c: CompiledCondition) => c.time || c.vars.some((v) => accruing.has(v));
  const trace = pack.reference.trace;
  const inService = pack.recovery.inService === undefined ? undefined : compileCondition(pack.recovery.inService);
  return {
    injects,
    timed,
    triggered,
    moves,
    decisions,
    obligations,
    obligationsByMove,
    limbsOf: new Map(obligations.map((o) => [o.id, limbs.filter((l) => l.obligationId === o.id)])),
    numberBounds,
    accruals,
    criteria: pack.recovery.criteria.map((c) => ({ id: c.id, condition: compileCondition(c.condition) })),
    ...(inService === undefined ? {} : { service: { condition: inService, vars: new Set(inService.vars) } }),
    optionCosts,
    readinessIds: new Set((pack.readiness ?? DEFAULT_READINESS_ITEMS).map((item) => item.id)),
    rootCauseIds: new Set(trace.rootCause.candidates.map((c) => c.id)),
    correctionIds: new Set(trace.corrections.map((c) => c.id)),
    evolutionIds: new Set(trace.evolutions.map((c) => c.id)),
    all: { injects: triggered, obligations, limbs },
    readers: memoise((input: ConditionInput) => ({
      injects: triggered.filter((t) => t.when.reads.includes(input)),
      obligations: obligations.filter((o) => o.trigger.reads.includes(input)),
      // A limb starts only while its obligation runs: starting an obligation re-checks its limbs (see obligations.ts).
      limbs: limbs.filter((l) => l.after.reads.includes(input)),
    })),
    quiet: {
      time: {
        injects: triggered.filter((t) => t.when.time),
        obligations: obligations.filter((o) => o.trigger.time),
        limbs: limbs.filter((l) => l.after.time),
      },
      accrual: {
        injects: triggered.filter((t) => readsAccruing(t.when)),
        obligations: obligations.filter((o) => readsAccruing(o.trigger)),
        limbs: limbs.filter((l) => readsAccruing(l.after)),
      },
    },
  };
}

function memoise<K, V>(compute: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute(key);
      values.set(key, value);
    }
    return value;
  };
}

/** The option ids a decision accepts (severity and R3AI prompts: their fixed ids); empty for an unknown decision. */
export function decisionOptionIds(pack: Pack, decisionId: DecisionId): ReadonlySet<OptionId> {
  return indexOf(pack).decisions.get(decisionId)?.optionIds ?? new Set<OptionId>();
}
