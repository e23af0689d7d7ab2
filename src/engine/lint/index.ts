/**
 * The pack linter: warnings about a valid pack that plays but teaches badly —
 * what can never happen (static reach) or never happened in explored runs,
 * moves that change nothing, what the reference fails to demonstrate, dead
 * ends, text too long for a screen, options without a rationale. Pure and
 * deterministic; `vaim lint` and `vaim validate` print the warnings.
 */
import { type BranchCoverage, type BranchOptions, exploreBranches } from '../explore/branches';
import type { PackIssue } from '../pack/issues';
import type { Pack } from '../pack/schema';
import { playScript } from '../script';
import { reachOf, type Reach } from './reach';
import { coverageGaps, deadEndWarnings, referenceGaps } from './run-checks';
import { decisionsNeverAsked, missingRationales, movesNeverUseful, obligationsNeverTriggered, textTooLong, unreachableInjects } from './static-checks';

export { reachOf, type Domain, type Reach, type Verdict } from './reach';
export { SCREEN_LIMITS } from './static-checks';

/** What the linter found: the warnings, and the reach and coverage they rest on. */
export type LintResult = { readonly warnings: readonly PackIssue[]; readonly reach: Reach; readonly coverage: BranchCoverage };

/** Lint options: how much to explore (see `exploreBranches`), or an exploration already made. */
export type LintOptions = BranchOptions & { readonly coverage?: BranchCoverage };

/** Lints a valid pack. */
export function lintPack(pack: Pack, options: LintOptions = {}): LintResult {
  const reach = reachOf(pack);
  const coverage = options.coverage ?? exploreBranches(pack, options);
  const warnings: PackIssue[] = [
    ...unreachableInjects(pack, reach),
    ...decisionsNeverAsked(pack, reach),
    ...movesNeverUseful(pack, reach),
    ...obligationsNeverTriggered(pack, reach),
    ...coverageGaps(pack, reach, coverage),
    ...referenceGapsOf(pack),
    ...deadEndWarnings(coverage),
    ...textTooLong(pack),
    ...missingRationales(pack),
  ];
  return { warnings, reach, coverage };
}

function referenceGapsOf(pack: Pack): PackIssue[] {
  try {
    return referenceGaps(pack, playScript(pack, pack.reference.timeline, { seed: 1 }).state);
  } catch {
    return []; // a timeline that cannot be played is the validator's self-check error, not a lint warning
  }
}
