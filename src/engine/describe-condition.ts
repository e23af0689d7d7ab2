/**
 * Plain-language descriptions of conditions, for `precondition-failed`
 * messages and for views that explain why a move is not yet available.
 */
import type { Comparison, Condition } from './pack/condition';
import { formatDuration } from './pack/duration';
import type { Pack } from './pack/schema';
import { ROLE_TITLES, type RoleId } from './pack/vocabulary';

type Scalar = number | boolean | string;

const OPERATOR_WORDS = {
  eq: 'is',
  ne: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
} as const;

function comparison(subject: string, cmp: Comparison<Scalar>, format: (v: Scalar) => string = show): string {
  for (const op of Object.keys(OPERATOR_WORDS) as (keyof typeof OPERATOR_WORDS)[]) {
    const value = cmp[op];
    if (value !== undefined) return `${subject} ${OPERATOR_WORDS[op]} ${format(value)}`;
  }
  return subject;
}

const show = (value: Scalar): string => (typeof value === 'string' ? `"${value}"` : String(value));
const label = (items: readonly { id: string; label?: string; title?: string }[], id: string): string => {
  const item = items.find((i) => i.id === id);
  const text = item?.label ?? item?.title;
  return text === undefined ? `"${id}"` : `"${text}"`;
};

/** Describes `condition` in words, using the pack's labels where it has them. */
export function describeCondition(pack: Pack, condition: Condition): string {
  const c = condition;
  if ('all' in c) return c.all.length === 1 && c.all[0] ? describeCondition(pack, c.all[0]) : `all of: ${list(pack, c.all)}`;
  if ('any' in c) return c.any.length === 1 && c.any[0] ? describeCondition(pack, c.any[0]) : `any of: ${list(pack, c.any)}`;
  if ('not' in c) return `not (${describeCondition(pack, c.not)})`;
  if ('var' in c) return comparison(label(pack.variables, c.var), c);
  if ('move' in c) {
    const name = `move ${label(pack.moves, c.move)}`;
    return c.effective ? `${name} has taken effect` : `${name} has been made`;
  }
  if ('inject' in c) return `${label(pack.injects, c.inject)} has arrived`;
  if ('sinceInject' in c) return `at least ${formatDuration(c.atLeast)} have passed since ${label(pack.injects, c.sinceInject)} arrived`;
  if ('decision' in c) {
    const name = `decision "${c.decision}"`;
    const parts: string[] = [];
    if (c.is !== undefined) parts.push(`${name} is ${c.is}`);
    if (c.chose !== undefined) {
      const options = pack.decisions.find((d) => d.id === c.decision)?.options ?? [];
      parts.push(`${name} was answered with ${label(options, c.chose)}`);
    }
    return parts.length > 0 ? parts.join(' and ') : `${name} has been answered`;
  }
  if ('severity' in c) return comparison('the current V-SEV level', c.severity, (v) => `V${String(v)}`);
  if ('r3ai' in c) return `the incident is classified as an R3AI ${c.r3ai} failure`;
  if ('elapsed' in c) return comparison('the elapsed scenario time', c.elapsed, (v) => formatDuration(Number(v)));
  if ('readiness' in c) {
    const item = label(pack.readiness ?? [], c.readiness);
    return c.is === false ? `readiness item ${item} is not confirmed` : `readiness item ${item} is confirmed`;
  }
  if ('obligation' in c) return `obligation ${label(pack.obligations, c.obligation)} is ${c.is}`;
  if ('gateViolated' in c) {
    return c.gateViolated ? 'the system was restarted before the recovery criteria held' : 'no restart broke the recovery gate';
  }
  if ('role' in c) {
    const title = ROLE_TITLES[c.role as RoleId] ?? c.role;
    return c.assigned ? `the ${title} role is assigned` : `the ${title} role is not assigned`;
  }
  return 'an unrecognised condition';
}

function list(pack: Pack, conditions: readonly Condition[]): string {
  return conditions.map((c) => `(${describeCondition(pack, c)})`).join('; ');
}
