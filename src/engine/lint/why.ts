/**
 * Why a condition can never hold, in words an author can act on: the first
 * part of it that the static reach proves impossible, and what stands in its
 * way (nothing sets the variable to that value, the inject can never fire…).
 */
import type { Condition } from '../pack/condition';
import { formatDuration } from '../pack/duration';
import type { Pack } from '../pack/schema';
import type { Domain, Reach } from './reach';

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, ''));

function describeDomain(id: string, domain: Domain | undefined): string {
  if (domain === undefined) return `there is no variable "${id}"`;
  if (domain.kind === 'values') {
    const values = [...domain.values].map(show);
    return values.length === 1
      ? `variable "${id}" is always ${values[0]} (no reachable effect sets it to anything else)`
      : `variable "${id}" only ever holds ${values.join(' or ')}`;
  }
  if (domain.lo === domain.hi) return `variable "${id}" is always ${num(domain.lo)} (no reachable effect or accrual changes it)`;
  const lo = Number.isFinite(domain.lo) ? num(domain.lo) : 'any low value';
  const hi = Number.isFinite(domain.hi) ? num(domain.hi) : 'any high value';
  return `variable "${id}" stays between ${lo} and ${hi} in every run (its initial value, the reachable effects and its accrual until the scenario ends)`;
}

/** Why `condition` can never hold (call only when the reach judges it "never"). */
export function whyNever(pack: Pack, reach: Reach, c: Condition): string {
  if ('all' in c) {
    const part = c.all.find((x) => reach.judge(x) === 'never');
    return part ? whyNever(pack, reach, part) : 'its parts cannot all hold at once';
  }
  if ('any' in c) return c.any.map((x) => whyNever(pack, reach, x)).join('; and ');
  if ('not' in c) return `the condition under "not" always holds`;
  if ('var' in c) return describeDomain(c.var, reach.domains.get(c.var));
  if ('move' in c) return `move "${c.move}" can never be made (its precondition can never hold)`;
  if ('inject' in c) return `inject "${c.inject}" can never fire`;
  if ('sinceInject' in c) {
    return reach.injects.has(c.sinceInject)
      ? `${formatDuration(c.atLeast)} after inject "${c.sinceInject}" is past the scenario end (${formatDuration(pack.clock.end)})`
      : `inject "${c.sinceInject}" can never fire`;
  }
  if ('decision' in c) return `decision "${c.decision}" is never asked`;
  if ('obligation' in c) return `obligation "${c.obligation}" never starts`;
  if ('elapsed' in c) return `the scenario ends at ${formatDuration(pack.clock.end)}`;
  if ('severity' in c) return 'V-SEV levels run from 1 to 5 (0 before the first classification)';
  if ('gateViolated' in c) return 'no restart move or restart option can ever be chosen';
  return 'it can never hold';
}
