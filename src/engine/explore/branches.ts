/**
 * Branch coverage of a pack: the reference, doing nothing, the strategy zoo,
 * the greedy policies and seeded random policies are played and scored; the
 * result says how often each inject fired, each decision was asked, each
 * option was chosen and each obligation started, where runs hit a dead end,
 * and the best score a policy reached without the reference timeline.
 * Pure and deterministic for the same options (`vaim playtest`, `vaim lint`).
 */
import { derivedRunId } from '../run-id';
import type { RunId } from '../types';
import type { Pack } from '../pack/schema';
import { score } from '../scoring/score';
import { playScript, type ScriptEntry } from '../script';
import type { LogEntry, RunHeader, RunState } from '../types';
import { type DeadEnd, deadEndsOf } from './dead-ends';
import { greedyPolicies, randomPolicy } from './policies';
import { playPolicy } from './policy';
import { strategyZoo } from './zoo';
import { entriesOf } from '../records';

/** One explored run. */
export type BranchRun = { readonly name: string; readonly kind: 'reference' | 'strategy' | 'policy'; readonly seed: number; readonly score: number };

/** A dead end and the run that found it. */
export type FoundDeadEnd = DeadEnd & { readonly run: string };

/** What the exploration covered. Counts are of runs (0 = never in any explored run). */
export type BranchCoverage = {
  readonly runs: readonly BranchRun[];
  readonly injects: Readonly<Record<string, number>>;
  readonly decisions: Readonly<Record<string, number>>;
  /** Per decision, how many runs chose each listed option. */
  readonly options: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly obligations: Readonly<Record<string, number>>;
  readonly deadEnds: readonly FoundDeadEnd[];
  readonly referenceScore?: number;
  /** The best run that did not follow the reference timeline (greedy and random policies), with the script that reproduces it. */
  readonly best?: BranchRun & { readonly script: readonly ScriptEntry[] };
};

/** Options: random policies to play (default 24), the first seed (default 1), whether to play the strategy zoo (default yes). */
export type BranchOptions = { readonly random?: number; readonly seed?: number; readonly zoo?: boolean };

type Played = { readonly header: RunHeader; readonly log: readonly LogEntry[]; readonly state: RunState };

/** Plays and scores the runs; see the module note. */
export function exploreBranches(pack: Pack, options: BranchOptions = {}): BranchCoverage {
  const seed = options.seed ?? 1;
  const count = Math.max(0, Math.floor(options.random ?? 24));
  const counts = {
    injects: Object.fromEntries(pack.injects.map((i) => [i.id, 0])) as Record<string, number>,
    decisions: Object.fromEntries(pack.decisions.map((d) => [d.id, 0])) as Record<string, number>,
    options: Object.fromEntries(pack.decisions.filter((d) => (d.options ?? []).length > 0).map((d) => [d.id, Object.fromEntries((d.options ?? []).map((o) => [o.id, 0]))])) as Record<string, Record<string, number>>,
    obligations: Object.fromEntries(pack.obligations.map((o) => [o.id, 0])) as Record<string, number>,
  };
  const runs: BranchRun[] = [];
  const deadEnds: FoundDeadEnd[] = [];
  let best: (BranchRun & { script: readonly ScriptEntry[] }) | undefined;
  const record = (name: string, kind: BranchRun['kind'], runSeed: number, played: Played, script?: readonly ScriptEntry[]) => {
    const { state } = played;
    for (const id of Object.keys(state.fired)) if (id in counts.injects) counts.injects[id]! += 1;
    for (const [id, d] of entriesOf(state.decisions)) {
      if (id in counts.decisions) counts.decisions[id]! += 1;
      const chosen = counts.options[id];
      if (chosen) for (const option of d.options) if (option in chosen) chosen[option]! += 1;
    }
    for (const id of Object.keys(state.obligations)) if (id in counts.obligations) counts.obligations[id]! += 1;
    for (const found of deadEndsOf(pack, played.header, played.log)) deadEnds.push({ ...found, run: name });
    const run: BranchRun = { name, kind, seed: runSeed, score: score(pack, played.header, played.log).total };
    runs.push(run);
    if (script && (!best || run.score > best.score)) best = { ...run, script };
    return run;
  };
  const playSafely = (script: readonly ScriptEntry[], runId: RunId): Played | undefined => {
    try {
      return playScript(pack, script, { seed, runId, skipRefused: true });
    } catch {
      return undefined; // a finishing step refused (a stuck clock): the policies below find it too
    }
  };
  const reference = playSafely(pack.reference.timeline, derivedRunId(pack.id, 'reference'));
  const referenceRun = reference ? record('reference', 'reference', seed, reference) : undefined;
  const nothing = playSafely([], derivedRunId(pack.id, 'do-nothing'));
  if (nothing) record('do-nothing', 'strategy', seed, nothing);
  if (options.zoo !== false) {
    for (const strategy of strategyZoo(pack)) {
      if (strategy.name === 'reference' || strategy.name === 'do-nothing') continue;
      const played = playSafely(strategy.script, derivedRunId(pack.id, strategy.name));
      if (played) record(strategy.name, 'strategy', seed, played);
    }
  }
  for (const policy of greedyPolicies()) {
    const played = playPolicy(pack, policy, seed);
    record(policy.name, 'policy', seed, played, played.script);
  }
  for (let i = 0; i < count; i += 1) {
    const policy = randomPolicy(`random-${i + 1}`, [0.1, 0.3, 0.6, 0.9][i % 4]!);
    const played = playPolicy(pack, policy, seed + i);
    record(policy.name, 'policy', seed + i, played, played.script);
  }
  return {
    runs,
    ...counts,
    deadEnds,
    ...(referenceRun ? { referenceScore: referenceRun.score } : {}),
    ...(best ? { best } : {}),
  };
}
