/**
 * Lint checks that need played runs: what the reference timeline fails to
 * demonstrate, and what no explored run reached (injects, decisions,
 * obligations) or where runs hit a dead end.
 */
import type { BranchCoverage } from '../explore/branches';
import { formatDuration } from '../pack/duration';
import { packWarning, type PackIssue } from '../pack/issues';
import type { Pack } from '../pack/schema';
import type { RunState, SimMinutes } from '../types';
import type { Reach } from './reach';

/** Required moves and obligations the reference run does not meet (in time). */
export function referenceGaps(pack: Pack, reference: RunState): PackIssue[] {
  const issues: PackIssue[] = [];
  pack.reference.required.forEach((rule, i) => {
    const ids = rule.move ? [rule.move] : (rule.anyOf ?? []);
    const from = rule.from === 'start' ? 0 : reference.fired[rule.from.inject];
    if (from === undefined) return; // the inject it counts from never fires in the reference: nothing to demonstrate
    const made = reference.moves.filter((m) => ids.includes(m.moveId)).map((m) => m.at);
    const name = ids.length === 1 ? `move "${ids[0]}"` : `any of ${ids.map((id) => `"${id}"`).join(', ')}`;
    const due = from + rule.within;
    if (made.length === 0) issues.push(packWarning(['reference', 'required', i], `the reference timeline never makes ${name}, which the reference requires: add it to the timeline (within ${formatDuration(rule.within)}) or drop the requirement`));
    else if (Math.min(...made) > due) issues.push(packWarning(['reference', 'required', i], `the reference timeline makes ${name} at ${formatDuration(Math.min(...made))}, after its deadline (${formatDuration(due)}): make it earlier in the timeline`));
  });
  pack.obligations.forEach((obligation, i) => {
    const record = reference.obligations[obligation.id];
    if (record === undefined) return;
    if (record.dueAt > pack.clock.end) {
      issues.push(packWarning(['obligations', i, 'deadline'], `obligation "${obligation.id}" starts in the reference run at ${formatDuration(record.triggeredAt)} and is due at ${formatDuration(record.dueAt)}, after the scenario ends (${formatDuration(pack.clock.end)}): a clock still running at the end is not judged, so a team that ignores it loses nothing; lengthen clock.end past ${formatDuration(record.dueAt)}, or give it an earlier deadline that falls inside the run`));
    }
    if (record.status === 'met') return;
    const what = record.status === 'met-late' ? `meets it late (at ${formatDuration(record.metAt ?? 0)}, due ${formatDuration(record.dueAt)})` : 'never meets it';
    issues.push(packWarning(['obligations', i], `obligation "${obligation.id}" starts in the reference run (at ${formatDuration(record.triggeredAt)}) but the reference timeline ${what}: add one of ${obligation.satisfiedBy.map((m) => `"${m}"`).join(', ')} before ${formatDuration(record.dueAt)}`));
  });
  return issues;
}

/** Injects, decisions and obligations that can happen (statically) but no explored run reached. */
export function coverageGaps(pack: Pack, reach: Reach, coverage: BranchCoverage): PackIssue[] {
  const runs = `none of the ${coverage.runs.length} explored runs (reference, strategy zoo, greedy and random policies)`;
  return [
    ...pack.injects.flatMap((x, i) => (reach.injects.has(x.id) && coverage.injects[x.id] === 0 ? [packWarning(['injects', i], `inject "${x.id}" fired in ${runs}: check that some response can reach it`)] : [])),
    ...pack.decisions.flatMap((d, i) => (reach.decisions.has(d.id) && coverage.decisions[d.id] === 0 ? [packWarning(['decisions', i], `decision "${d.id}" was asked in ${runs}: check that what opens it can happen`)] : [])),
    ...pack.obligations.flatMap((o, i) => (reach.obligations.has(o.id) && coverage.obligations[o.id] === 0 ? [packWarning(['obligations', i, 'trigger'], `obligation "${o.id}" started in ${runs}: check that its trigger can hold`)] : [])),
  ];
}

/** The dead ends the explored runs found: one warning per place (where the clock sticks), with how many runs hit it. */
export function deadEndWarnings(coverage: BranchCoverage): PackIssue[] {
  const places = new Map<SimMinutes, { count: number; found: BranchCoverage['deadEnds'][number] }>();
  for (const found of coverage.deadEnds) {
    const hit = places.get(found.at);
    if (hit) hit.count += 1;
    else places.set(found.at, { count: 1, found });
  }
  return [...places.values()].map(({ count, found }) => {
    const runs = count === 1 ? '' : ` (${count} runs)`;
    return packWarning(['clock'], `dead end in run "${found.run}": at ${formatDuration(found.at)} the clock cannot advance (${found.rejection.message}); the run can only be ended there${runs}`);
  });
}
