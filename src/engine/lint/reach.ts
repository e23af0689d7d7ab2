/**
 * Static reachability of a pack: which injects can ever fire, which decisions
 * can ever be asked, which moves can ever be made and which obligations can
 * ever start, whatever the team does. It over-approximates what runs can do
 * (a "never" verdict is a proof; "maybe" is not a promise): every variable
 * gets the set of values (true/false, enum) or the range (numbers) the
 * reachable effects and accruals can give it, and conditions are judged
 * against those, to a fixpoint.
 */
import type { Condition } from '../pack/condition';
import type { Effect } from '../pack/effect';
import type { Pack } from '../pack/schema';

/** What a variable can hold in some run: a set of values, or a number range. */
export type Domain =
  | { readonly kind: 'values'; readonly values: ReadonlySet<boolean | string> }
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number; readonly points: ReadonlySet<number> };

/** A condition's verdict over every run: never true, always true, or it depends. */
export type Verdict = 'never' | 'always' | 'maybe';

/** What can happen in some run of the pack. */
export type Reach = {
  readonly injects: ReadonlySet<string>;
  readonly decisions: ReadonlySet<string>;
  readonly moves: ReadonlySet<string>;
  readonly obligations: ReadonlySet<string>;
  readonly domains: ReadonlyMap<string, Domain>;
  /** The verdict of a condition under this reach. */
  readonly judge: (condition: Condition) => Verdict;
};

type Source = { readonly effects: readonly Effect[]; readonly once: boolean };

const and = (a: Verdict, b: Verdict): Verdict => (a === 'never' || b === 'never' ? 'never' : a === 'always' && b === 'always' ? 'always' : 'maybe');
const or = (a: Verdict, b: Verdict): Verdict => (a === 'always' || b === 'always' ? 'always' : a === 'never' && b === 'never' ? 'never' : 'maybe');
const negate = (v: Verdict): Verdict => (v === 'never' ? 'always' : v === 'always' ? 'never' : 'maybe');

/** The verdict of comparing a variable with `domain`: can the comparison hold, must it? */
function compare(domain: Domain | undefined, c: Readonly<Partial<Record<'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', unknown>>>): Verdict {
  if (domain === undefined) return 'never';
  const op = (['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const).find((k) => c[k] !== undefined);
  if (op === undefined) return 'never';
  const x = c[op];
  if (domain.kind === 'values') {
    const has = domain.values.has(x as boolean | string);
    const only = has && domain.values.size === 1;
    if (op === 'eq') return has ? (only ? 'always' : 'maybe') : 'never';
    if (op === 'ne') return has ? (only ? 'never' : 'maybe') : 'always';
    return 'never';
  }
  if (typeof x !== 'number') return op === 'ne' ? 'always' : 'never';
  const { lo, hi } = domain;
  switch (op) {
    case 'eq':
      return lo === hi && lo === x ? 'always' : x < lo || x > hi || (lo === hi && lo !== x) ? 'never' : 'maybe';
    case 'ne':
      return lo === hi && lo === x ? 'never' : x < lo || x > hi ? 'always' : 'maybe';
    case 'gt':
      return hi <= x ? 'never' : lo > x ? 'always' : 'maybe';
    case 'gte':
      return hi < x ? 'never' : lo >= x ? 'always' : 'maybe';
    case 'lt':
      return lo >= x ? 'never' : hi < x ? 'always' : 'maybe';
    case 'lte':
      return lo > x ? 'never' : hi <= x ? 'always' : 'maybe';
  }
}

/** Every effect source of the pack with the id that makes it reachable. */
type Sources = {
  readonly injects: ReadonlyMap<string, Source>;
  readonly decisions: ReadonlyMap<string, Source[]>;
  readonly moves: ReadonlyMap<string, Source>;
};

function sourcesOf(pack: Pack): Sources {
  return {
    injects: new Map(pack.injects.map((i) => [i.id, { effects: i.effects ?? [], once: true }])),
    decisions: new Map(
      pack.decisions.map((d) => [
        d.id,
        [...(d.options ?? []).map((o) => ({ effects: o.effects ?? [], once: true })), { effects: d.onExpire?.effects ?? [], once: true }],
      ]),
    ),
    moves: new Map(pack.moves.map((m) => [m.id, { effects: m.effects ?? [], once: !m.repeatable }])),
  };
}

/** The domains the reachable sources and accruals allow (sound over-approximation). */
function domainsOf(pack: Pack, sources: readonly Source[], accruing: ReadonlySet<string>, previous: ReadonlyMap<string, Domain>): Map<string, Domain> {
  const end = pack.clock.end;
  const out = new Map<string, Domain>();
  for (const variable of pack.variables) {
    const effects = sources.flatMap((s) => s.effects.map((e) => ({ e, once: s.once })));
    if (variable.type !== 'number') {
      const values = new Set<boolean | string>([variable.initial]);
      for (const { e } of effects) if ('set' in e && e.set === variable.id && typeof e.to === (variable.type === 'boolean' ? 'boolean' : 'string')) values.add(e.to as boolean | string);
      if (variable.type === 'enum') for (const v of [...values]) if (!variable.values.includes(v as string)) values.delete(v);
      out.set(variable.id, { kind: 'values', values });
      continue;
    }
    const points = new Set<number>([variable.initial]);
    let up = 0;
    let down = 0;
    for (const { e, once } of effects) {
      if ('set' in e && e.set === variable.id && typeof e.to === 'number') points.add(e.to);
      if ('add' in e && e.add === variable.id) {
        if (e.by > 0) up += once ? e.by : Infinity;
        if (e.by < 0) down += once ? -e.by : Infinity;
      }
    }
    const accrue = variable.accrue;
    if (accrue && accruing.has(variable.id)) {
      const per = accrue.per === 'minute' ? 1 : accrue.per === 'hour' ? 60 : 1440;
      const rate = typeof accrue.rate === 'number' ? { lo: accrue.rate, hi: accrue.rate } : rangeOf(previous.get(accrue.rate));
      if (rate.hi > 0) up += (rate.hi * end) / per;
      if (rate.lo < 0) down += (-rate.lo * end) / per;
    }
    const min = variable.min ?? -Infinity;
    const max = variable.max ?? Infinity;
    const clamp = (v: number) => Math.min(max, Math.max(min, v));
    const lo = clamp(Math.min(...points) - down);
    const hi = clamp(Math.max(...points) + up);
    out.set(variable.id, { kind: 'range', lo, hi, points });
  }
  return out;
}

function rangeOf(domain: Domain | undefined): { lo: number; hi: number } {
  return domain?.kind === 'range' ? { lo: domain.lo, hi: domain.hi } : { lo: 0, hi: 0 };
}

type Known = {
  readonly injects: Set<string>;
  readonly decisions: Set<string>;
  readonly moves: Set<string>;
  readonly obligations: Set<string>;
  domains: Map<string, Domain>;
  readonly restartReachable: () => boolean;
  readonly end: number;
};

function judgeWith(known: Known, c: Condition): Verdict {
  if ('all' in c) return c.all.reduce<Verdict>((v, x) => and(v, judgeWith(known, x)), 'always');
  if ('any' in c) return c.any.reduce<Verdict>((v, x) => or(v, judgeWith(known, x)), 'never');
  if ('not' in c) return negate(judgeWith(known, c.not));
  if ('var' in c) return compare(known.domains.get(c.var), c);
  if ('move' in c) return known.moves.has(c.move) ? 'maybe' : 'never';
  if ('inject' in c) return known.injects.has(c.inject) ? 'maybe' : 'never';
  if ('sinceInject' in c) return known.injects.has(c.sinceInject) && c.atLeast <= known.end ? 'maybe' : 'never';
  if ('decision' in c) {
    if (known.decisions.has(c.decision)) return 'maybe';
    // Never asked: it stays "pending" (not asked) throughout.
    if (c.chose !== undefined) return 'never';
    return c.is === 'pending' ? 'always' : 'never';
  }
  if ('obligation' in c) {
    if (known.obligations.has(c.obligation)) return 'maybe';
    return c.is === 'pending' ? 'always' : 'never';
  }
  if ('elapsed' in c) return compare({ kind: 'range', lo: 0, hi: known.end, points: new Set() }, c.elapsed as Record<string, unknown>);
  if ('severity' in c) return compare({ kind: 'range', lo: 0, hi: 5, points: new Set() }, c.severity as Record<string, unknown>);
  if ('gateViolated' in c) return c.gateViolated ? (known.restartReachable() ? 'maybe' : 'never') : 'maybe';
  // readiness, role, r3ai: the team decides.
  return 'maybe';
}

/** Computes what can happen in some run of `pack` (a fixpoint; each round only adds). */
export function reachOf(pack: Pack): Reach {
  const sources = sourcesOf(pack);
  const restartIds = new Set(pack.recovery.restartMoves);
  const restartOptions = pack.decisions.filter((d) => d.options?.some((o) => o.marks?.includes('restart'))).map((d) => d.id);
  const known: Known = {
    injects: new Set(),
    decisions: new Set(),
    moves: new Set(),
    obligations: new Set(),
    domains: new Map(),
    restartReachable: () => [...restartIds].some((id) => known.moves.has(id)) || restartOptions.some((id) => known.decisions.has(id)),
    end: pack.clock.end,
  };
  known.domains = domainsOf(pack, [], new Set(), new Map());
  for (let round = 0; round < 10_000; round += 1) {
    const before = known.injects.size + known.decisions.size + known.moves.size + known.obligations.size;
    const judge = (c: Condition | undefined) => (c === undefined ? 'always' : judgeWith(known, c));
    for (const inject of pack.injects) {
      const timed = inject.at !== undefined && inject.at <= pack.clock.end;
      if (timed || (inject.when !== undefined && judge(inject.when) !== 'never')) known.injects.add(inject.id);
    }
    for (const move of pack.moves) if (judge(move.requires) !== 'never') known.moves.add(move.id);
    for (const obligation of pack.obligations) if (judge(obligation.trigger) !== 'never') known.obligations.add(obligation.id);
    const reachable: Source[] = [];
    for (const id of known.injects) reachable.push(sources.injects.get(id)!);
    for (const id of known.moves) reachable.push(sources.moves.get(id)!);
    for (const id of known.decisions) reachable.push(...sources.decisions.get(id)!);
    for (const inject of pack.injects) if (known.injects.has(inject.id)) for (const d of inject.opens ?? []) known.decisions.add(d);
    for (const source of reachable) {
      for (const effect of source.effects) {
        if ('open' in effect) known.decisions.add(effect.open);
        if ('fire' in effect) known.injects.add(effect.fire);
      }
    }
    const accruing = new Set(pack.variables.filter((v) => v.type === 'number' && v.accrue && judge(v.accrue.while) !== 'never').map((v) => v.id));
    const computed = hull(domainsOf(pack, reachable, accruing, known.domains), known.domains);
    const grew = [...computed].some(([id, d]) => !sameDomain(d, known.domains.get(id)));
    // Rates that feed on each other could widen a range a little every round: after a while, widen it at once.
    const domains = round < 20 ? computed : widen(computed, known.domains);
    known.domains = domains;
    const after = known.injects.size + known.decisions.size + known.moves.size + known.obligations.size;
    if (after === before && !grew) break;
  }
  return { injects: known.injects, decisions: known.decisions, moves: known.moves, obligations: known.obligations, domains: known.domains, judge: (c) => judgeWith(known, c) };
}

/** Each domain joined with the one known before (domains only grow). */
function hull(next: Map<string, Domain>, previous: ReadonlyMap<string, Domain>): Map<string, Domain> {
  for (const [id, d] of next) {
    const p = previous.get(id);
    if (d.kind === 'values' && p?.kind === 'values') next.set(id, { kind: 'values', values: new Set([...p.values, ...d.values]) });
    if (d.kind === 'range' && p?.kind === 'range') next.set(id, { kind: 'range', lo: Math.min(d.lo, p.lo), hi: Math.max(d.hi, p.hi), points: new Set([...p.points, ...d.points]) });
  }
  return next;
}

function widen(next: Map<string, Domain>, previous: ReadonlyMap<string, Domain>): Map<string, Domain> {
  for (const [id, d] of next) {
    const p = previous.get(id);
    if (d.kind !== 'range' || p?.kind !== 'range') continue;
    next.set(id, { ...d, lo: d.lo < p.lo ? -Infinity : d.lo, hi: d.hi > p.hi ? Infinity : d.hi });
  }
  return next;
}

function sameDomain(a: Domain, b: Domain | undefined): boolean {
  if (b === undefined || a.kind !== b.kind) return false;
  if (a.kind === 'values' && b.kind === 'values') return a.values.size === b.values.size;
  return a.kind === 'range' && b.kind === 'range' && a.lo === b.lo && a.hi === b.hi && a.points.size === b.points.size;
}
