/**
 * The issue's standard bands for a pack's strategy zoo, written once so that
 * every pack's zoo test states only what is its own: the names of its
 * restarts and mandatory notifications, the words its debrief must use, and
 * the bands it adapts (each adaptation commented in the pack's test). Also
 * the helpers those tests share: variants of the reference, coverage of the
 * injects, and a seeded replay of the strategies the bands name.
 */
import { testRunId, testOptionId } from '../../ids';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { entriesOf, buildDebrief, explore, greedyPolicies, playPolicy, playScript, strategyZoo, type Pack } from '../../../src/engine';
import type { ScriptEntry } from '../../../src/engine/script';
import { loadPack } from '../../../src/main/packs/load-pack';
import { type Played, ZOO_TIMEOUT, biggestLoss, checkInvariants, playZoo } from './zoo-helpers';

/** A shipped pack and its zoo (seed 1). */
export type PackZoo = { readonly pack: Pack; readonly zoo: ReadonlyMap<string, Played> };

/** Loads `scenarios/<id>` and plays its zoo before the file's tests; the result is available once they run. */
export function usePackZoo(id: string): () => PackZoo {
  let loaded: PackZoo | undefined;
  beforeAll(async () => {
    const result = await loadPack(fileURLToPath(new URL(`../../../scenarios/${id}`, import.meta.url)));
    if (!result.ok) throw new Error(`${id} does not load: ${result.error.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; ')}`);
    loaded = { pack: result.value.pack, zoo: playZoo(result.value.pack) };
  }, ZOO_TIMEOUT);
  return () => {
    if (!loaded) throw new Error(`${id}: the zoo has not been played`);
    return loaded;
  };
}

/** A played strategy with the injects that fired in it. */
export type PlayedVariant = Played & { readonly fired: Readonly<Record<string, number>> };

/** `script` played (skipping refused entries) and scored. */
export function playVariant(pack: Pack, name: string, script: readonly ScriptEntry[], seed = 1): PlayedVariant {
  const run = playScript(pack, script, { seed, skipRefused: true, runId: testRunId(`variant-${name}`) });
  // The debrief holds the score report: one replay per variant.
  const debrief = buildDebrief(pack, run.header, run.log);
  return { name, report: debrief.score, debrief, skipped: run.skipped.length, fired: run.state.fired };
}

/** Lookups into a played zoo: a strategy by name (failing loudly when absent) and its total. */
export function zooLookups(current: () => PackZoo): { get: (name: string) => Played; total: (name: string) => number } {
  const get = (name: string): Played => {
    const played = current().zoo.get(name);
    if (!played) throw new Error(`no strategy ${name}; have ${[...current().zoo.keys()].join(', ')}`);
    return played;
  };
  return { get, total: (name) => get(name).report.total };
}

/** The move an entry makes, if it makes one. */
export const moveOf = (e: ScriptEntry): string | undefined => (e.command.type === 'move.make' ? e.command.move : undefined);

/** Maps an entry answering `decision` to one answering `options`. */
export const answers = (decision: string, options: string[]) => (e: ScriptEntry): ScriptEntry =>
  e.command.type === 'decision.answer' && e.command.decision === decision ? { ...e, command: { ...e.command, options: options.map(testOptionId) } } : e;

/** A score line of a played strategy. */
export const lineOf = (played: Played, id: string) => played.report.lines.find((l) => l.id === id);

/** The injects that fire in no zoo strategy (seed 1) and no explored run, and the decisions never opened. */
export function unreached(pack: Pack, random = 8): { injects: string[]; decisions: string[] } {
  const fired = new Set<string>();
  for (const strategy of strategyZoo(pack)) {
    const run = playScript(pack, strategy.script, { seed: 1, skipRefused: true, runId: testRunId(`cover-${strategy.name}`) });
    for (const id of Object.keys(run.state.fired)) fired.add(id);
  }
  const explored = explore(pack, { random });
  for (const [id, count] of Object.entries(explored.coverage.injects)) if (count > 0) fired.add(id);
  return {
    injects: pack.injects.map((i) => i.id).filter((id) => !fired.has(id)),
    decisions: entriesOf(explored.coverage.decisions).filter(([, n]) => n === 0).map(([id]) => id),
  };
}

/** The zoo strategies named (and the greedy policies named), played with `seed` and scored. */
export function playSome(pack: Pack, seed: number, names: readonly string[]): Map<string, Played> {
  const out = new Map<string, Played>();
  for (const strategy of strategyZoo(pack).filter((s) => names.includes(s.name))) out.set(strategy.name, playVariant(pack, strategy.name, strategy.script, seed));
  for (const policy of greedyPolicies().filter((p) => names.includes(p.name))) {
    const run = playPolicy(pack, policy, seed);
    const debrief = buildDebrief(pack, run.header, run.log);
    out.set(policy.name, { name: policy.name, report: debrief.score, debrief, skipped: 0 });
  }
  return out;
}

/** What a pack's test tells the standard bands. */
export type BandConfig = {
  /** Zoo entries that put the system back into service before the criteria hold (by move and by decision). */
  readonly earlyRestarts: readonly string[];
  /** How the debrief's gate statement begins for this pack's system. */
  readonly gateStatement: RegExp;
  /** A restart by decision and words of its option the gate statement must quote. */
  readonly decisionRestartSays: { readonly name: string; readonly says: string };
  /**
   * Adapted band: the pack's legitimate restart needs something built first (a fix, a rebuilt model), so the
   * zoo's "restart early" entry for it is refused throughout and equals the reference; the greedy policy, which
   * restarts the moment the build exists, breaches the gate through it instead (with these words).
   */
  readonly unreachableEarlyRestart?: { readonly name: string; readonly greedySays: readonly string[] };
  /** `skip-…` entries of mandatory notifications, with words their biggest lesson must contain. */
  readonly skips: readonly { readonly name: string; readonly says: readonly string[] }[];
  /** The forbidden act that must cost at least 25 (the irreversible one). */
  readonly worstForbidden: string;
  /** The penalty line of the misleading act the zoo adds. */
  readonly misleadingLine: string;
  /** A filing no obligation calls for: its costly move and words its reason must use. */
  readonly unneededFiling: { readonly move: string; readonly says: string };
  /** An over-reaction that harms people as well as costing: its costly move and the harm line it loses. */
  readonly overReaction: { readonly move: string; readonly harmLine: string };
};

/** The spam and greedy policies the ≤ 45 band covers. */
export const SPAM = ['spam-at-start', 'greedy-every-act', 'greedy-every-safe-act', 'greedy-every-safe-act-with-answer-key', 'greedy-every-safe-act-wrong-roles'] as const;

/** Ceilings on the total of named strategies, a pack's own besides the core bands. */
export type Ceilings = Readonly<Record<string, number>>;

/** The strategies a seeded check plays: the reference, doing nothing, every ceiling's strategy and `extra`. */
export const bandNames = (ceilings: Ceilings, ...extra: readonly string[]): string[] => ['reference', 'do-nothing', ...Object.keys(ceilings), ...extra];

/**
 * The bands every seed must keep: the reference at least 95, doing nothing at most 15, every spam or greedy
 * policy played at most 45, junk TRACE (if played) at most 2 of Learn's 10, each ceiling; and the debrief
 * invariants for every strategy played.
 */
export function expectSeedBands(pack: Pack, zoo: ReadonlyMap<string, Played>, ceilings: Ceilings): void {
  const t = (name: string) => {
    const played = zoo.get(name);
    if (!played) throw new Error(`no strategy ${name}; have ${[...zoo.keys()].join(', ')}`);
    return played.report.total;
  };
  expect(t('reference')).toBeGreaterThanOrEqual(95);
  expect(t('do-nothing')).toBeLessThanOrEqual(15);
  for (const name of SPAM.filter((n) => zoo.has(n))) expect(t(name), name).toBeLessThanOrEqual(45);
  for (const [name, ceiling] of Object.entries(ceilings)) expect(t(name), name).toBeLessThanOrEqual(ceiling);
  const junk = zoo.get('junk-trace');
  if (junk) expect(junk.report.stages.learn.score).toBeLessThanOrEqual(2);
  for (const played of zoo.values()) checkInvariants(pack, played);
}

/** The standard packs' ceilings: wrong roles and V1 throughout 70, a day late 60, early restarts 60, skipped notifications 80. */
export function mainCeilings(config: Pick<BandConfig, 'earlyRestarts' | 'skips'>): Ceilings {
  return {
    'wrong-roles': 70, 'v1-throughout': 70, 'reference-1d-late': 60,
    ...Object.fromEntries(config.earlyRestarts.map((name) => [name, 60])),
    ...Object.fromEntries(config.skips.map((skip) => [skip.name, 80])),
  };
}

/** The strategies the seeded check of a standard pack replays. */
export const seededNames = (config: Pick<BandConfig, 'earlyRestarts' | 'skips'>): string[] => bandNames(mainCeilings(config), 'greedy-every-safe-act-with-answer-key');

/** The bands every seed of a standard pack must keep, and the invariants. */
export function expectMainBands(pack: Pack, zoo: ReadonlyMap<string, Played>, config: Pick<BandConfig, 'earlyRestarts' | 'skips'>): void {
  expectSeedBands(pack, zoo, mainCeilings(config));
}

/**
 * Registers the standard bands (call inside a `describe`). `current` gives the
 * pack and its zoo once the caller's `beforeAll` has played it.
 */
export function standardBands(current: () => PackZoo, config: BandConfig): void {
  const { get, total } = zooLookups(current);

  it('scores the reference response at least 95 and doing nothing at most 15', () => {
    expect(total('reference')).toBeGreaterThanOrEqual(95);
    expect(total('do-nothing')).toBeLessThanOrEqual(15);
  });

  it('keeps every spam and greedy policy at or below 45', () => {
    for (const name of SPAM) expect(total(name), name).toBeLessThanOrEqual(45);
  });

  it('puts a return to service before the criteria hold at or below 60, by move and by decision, and says the gate was breached', () => {
    for (const name of config.earlyRestarts) {
      const played = get(name);
      expect(played.report.total, name).toBeLessThanOrEqual(60);
      expect(played.debrief.gate.respected, name).toBe(false);
      expect(played.debrief.gate.statement, name).toMatch(config.gateStatement);
    }
  });

  it('quotes in the gate statement the answer that put the system back', () => {
    expect(get(config.decisionRestartSays.name).debrief.gate.statement).toContain(config.decisionRestartSays.says);
  });

  const unreachable = config.unreachableEarlyRestart;
  if (unreachable) {
    it('cannot make the legitimate restart early, but a greedy team that makes it too soon breaches the gate', () => {
      expect(total(unreachable.name)).toBe(total('reference'));
      const greedy = get('greedy-every-safe-act-with-answer-key');
      expect(greedy.debrief.gate.respected).toBe(false);
      for (const words of unreachable.greedySays) expect(greedy.debrief.gate.statement).toContain(words);
    });
  }

  it('makes skipping each mandatory notification cost at least 20 and the biggest loss', () => {
    for (const skip of config.skips) {
      const played = get(skip.name);
      expect(played.report.total, skip.name).toBeLessThanOrEqual(80);
      expect(total('reference') - played.report.total, skip.name).toBeGreaterThanOrEqual(20);
      expect(biggestLoss(played)?.what, skip.name).toMatch(/never heard from the team/);
      for (const words of skip.says) expect(biggestLoss(played)?.what, skip.name).toContain(words);
    }
  });

  it.each([
    ['every act by a role without the authority', 'wrong-roles', 70],
    ['the severity under-read (V1 throughout), however right the moves', 'v1-throughout', 70],
    ['the reference a whole day late', 'reference-1d-late', 60],
  ] as const)('keeps %s at or below its ceiling', (_what, name, ceiling) => {
    expect(total(name)).toBeLessThanOrEqual(ceiling);
  });

  it('lets credit decay with lateness: the later, the lower, until nothing is left', () => {
    const ladder = ['reference', 'reference-2h-late', 'reference-1d-late', 'reference-3d-late'].map(total);
    for (let i = 1; i < ladder.length; i += 1) {
      // The total floors at 0: once a step reaches it, a later one can only stay there.
      if (ladder[i - 1]! > 0) expect(ladder[i], `step ${i} of the lateness ladder`).toBeLessThan(ladder[i - 1]!);
      else expect(ladder[i], `step ${i} of the lateness ladder`).toBe(0);
    }
  });

  it('gives junk TRACE input (one-letter reflections, every option ticked) at most 2 of Learn’s 10', () => {
    expect(get('junk-trace').report.stages.learn.score).toBeLessThanOrEqual(2);
  });

  it('charges every forbidden act at least 10 whenever it happens, the irreversible one at least 25', () => {
    for (const rule of current().pack.reference.forbidden) {
      expect(total(`plus-${rule.move}-early`), rule.move).toBeLessThanOrEqual(total('reference') - 10);
    }
    expect(total(`plus-${config.worstForbidden}-early`)).toBeLessThanOrEqual(total('reference') - 25);
  });

  it('never counts a misleading statement as communication', () => {
    const misleading = current().pack.reference.forbidden.find((f) => config.misleadingLine.endsWith(`.${f.move}`))?.move;
    expect(misleading, 'the misleading act is forbidden').toBeDefined();
    expect(lineOf(get(`plus-${misleading}-early`), config.misleadingLine)?.points).toBeLessThanOrEqual(-20);
    expect(total('misleading-instead-of-communication')).toBeLessThanOrEqual(70);
  });

  it('charges each costly over-reaction or unneeded filing at least its cost whenever it is made', () => {
    const { pack } = current();
    const inReference = (id: string) => pack.reference.timeline.some((e) => moveOf(e) === id);
    for (const move of pack.moves.filter((m) => m.cost && !m.cost.when && !inReference(m.id))) {
      expect(total(`plus-costly-${move.id}`), move.id).toBeLessThan(total('reference') - move.cost!.points + 0.1);
    }
  });

  it('charges the unneeded filing as unneeded, and the over-reaction as harm as well as cost', () => {
    const filing = lineOf(get(`plus-costly-${config.unneededFiling.move}`), `govern.act.${config.unneededFiling.move}`);
    expect(filing?.points).toBe(-current().pack.moves.find((m) => m.id === config.unneededFiling.move)!.cost!.points);
    expect(filing?.reason).toContain(config.unneededFiling.says);
    expect(lineOf(get(`plus-costly-${config.overReaction.move}`), config.overReaction.harmLine)?.points).toBe(0);
  });

  it('charges over-escalation (V5 at once and every notification)', () => {
    expect(total('over-escalate')).toBeLessThan(total('reference') - 5);
  });

  it('keeps the debrief invariants for every strategy', () => {
    for (const played of current().zoo.values()) checkInvariants(current().pack, played);
  });

  it('has an authored rationale for every option of every decision', () => {
    for (const d of current().pack.decisions) for (const o of d.options ?? []) expect(o.rationale, `${d.id}.${o.id}`).toBeTruthy();
  });
}
