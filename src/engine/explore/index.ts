/** Strategy exploration: policies, the strategy zoo and the search for gameable scoring. */
export { explore, type ExploreOptions, type Exploration, type ExploredRun } from './explore';
export { playPolicy, type Policy, type PolicyRun, type PolicyView } from './policy';
export { doNothingPolicy, greedyPolicies, greedyPolicy, randomPolicy, type GreedyOptions } from './policies';
export { strategyZoo, type Strategy } from './zoo';
export { exploreBranches, type BranchCoverage, type BranchOptions, type BranchRun, type FoundDeadEnd } from './branches';
export { deadEndsOf, type DeadEnd } from './dead-ends';
