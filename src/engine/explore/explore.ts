/**
 * Exploring a pack: greedy and seeded random policies played and scored, to
 * find the best score a non-reference response reaches (a pack whose scoring
 * a shotgun policy can game is a broken pack), with coverage of the injects
 * and decisions the runs reached.
 */
import type { Pack } from '../pack/schema';
import { score } from '../scoring/score';
import type { ScriptEntry } from '../script';
import { type PolicyRun, playPolicy } from './policy';
import { doNothingPolicy, greedyPolicies, randomPolicy } from './policies';

/** One explored run. */
export type ExploredRun = { readonly policy: string; readonly seed: number; readonly score: number };

/** What exploration found. */
export type Exploration = {
  readonly runs: readonly ExploredRun[];
  /** The best-scoring run and the script that reproduces it. */
  readonly best: ExploredRun & { readonly script: readonly ScriptEntry[] };
  /** How many explored runs fired each pack inject / opened each decision (0 = never reached). */
  readonly coverage: { readonly injects: Readonly<Record<string, number>>; readonly decisions: Readonly<Record<string, number>> };
};

/** Options: how many random policies, and the seed they start from. */
export type ExploreOptions = { readonly random?: number; readonly seed?: number };

/** Plays doing nothing, every greedy policy and `random` random ones; scores each. Deterministic for the same options. */
export function explore(pack: Pack, options: ExploreOptions = {}): Exploration {
  const seed = options.seed ?? 1;
  const count = options.random ?? 24;
  const plans = [
    { policy: doNothingPolicy(), seed },
    ...greedyPolicies().map((policy) => ({ policy, seed })),
    ...Array.from({ length: count }, (_, i) => ({ policy: randomPolicy(`random-${i + 1}`, [0.1, 0.3, 0.6, 0.9][i % 4]!), seed: seed + i })),
  ];
  const injects: Record<string, number> = Object.fromEntries(pack.injects.map((i) => [i.id, 0]));
  const decisions: Record<string, number> = Object.fromEntries(pack.decisions.map((d) => [d.id, 0]));
  const runs: (ExploredRun & { script: readonly ScriptEntry[] })[] = [];
  for (const plan of plans) {
    const run: PolicyRun = playPolicy(pack, plan.policy, plan.seed);
    for (const id of run.fired) injects[id] = (injects[id] ?? 0) + 1;
    for (const id of run.opened) decisions[id] = (decisions[id] ?? 0) + 1;
    runs.push({ policy: plan.policy.name, seed: plan.seed, score: score(pack, run.header, run.log).total, script: run.script });
  }
  const best = runs.reduce((a, b) => (b.score > a.score ? b : a));
  return { runs: runs.map(({ script: _script, ...r }) => r), best, coverage: { injects, decisions } };
}
