/**
 * Lint checks that need no run: what can never happen (from the static
 * reach), moves that do nothing anyone could notice, text too long for a
 * screen, options without a rationale.
 */
import type { Effect } from '../pack/effect';
import { packWarning, type PackIssue } from '../pack/issues';
import type { Pack } from '../pack/schema';
import type { Reach } from './reach';
import { conditionsOf, leavesOf } from './walk';
import { whyNever } from './why';

const RELEASE_NOTE = ' (only a facilitator releasing it early could show it)';

/** Triggered injects whose `when` can never hold and that no reachable effect fires. */
export function unreachableInjects(pack: Pack, reach: Reach): PackIssue[] {
  const issues: PackIssue[] = [];
  pack.injects.forEach((inject, i) => {
    if (reach.injects.has(inject.id) || inject.at !== undefined) return;
    const fired = firedBy(pack, inject.id);
    const why = inject.when === undefined ? 'it has no `when` and no `at`' : `its \`when\` can never hold: ${whyNever(pack, reach, inject.when)}`;
    const effects = fired.length > 0 ? `; the effects that fire it (${fired.join(', ')}) can never apply` : '';
    issues.push(packWarning(['injects', i, ...(inject.when ? ['when'] : [])], `inject "${inject.id}" can never fire in any run: ${why}${effects}${RELEASE_NOTE}`));
  });
  return issues;
}

/** The places whose effects fire inject `id` ("move x", "inject y", "decision z option o"). */
function firedBy(pack: Pack, id: string): string[] {
  const hits = (effects: readonly Effect[] | undefined) => (effects ?? []).some((e) => 'fire' in e && e.fire === id);
  return [
    ...pack.injects.filter((x) => hits(x.effects)).map((x) => `inject "${x.id}"`),
    ...pack.moves.filter((m) => hits(m.effects)).map((m) => `move "${m.id}"`),
    ...pack.decisions.flatMap((d) => (d.options ?? []).filter((o) => hits(o.effects)).map((o) => `decision "${d.id}" option "${o.id}"`)),
  ];
}

/** Decisions no reachable inject or effect opens. */
export function decisionsNeverAsked(pack: Pack, reach: Reach): PackIssue[] {
  const issues: PackIssue[] = [];
  pack.decisions.forEach((decision, i) => {
    if (reach.decisions.has(decision.id)) return;
    const openers = [
      ...pack.injects.filter((x) => x.opens?.includes(decision.id) || (x.effects ?? []).some((e) => 'open' in e && e.open === decision.id)).map((x) => `inject "${x.id}"`),
      ...pack.moves.filter((m) => (m.effects ?? []).some((e) => 'open' in e && e.open === decision.id)).map((m) => `move "${m.id}"`),
      ...pack.decisions.filter((d) => [...(d.options ?? []).flatMap((o) => o.effects ?? []), ...(d.onExpire?.effects ?? [])].some((e) => 'open' in e && e.open === decision.id)).map((d) => `decision "${d.id}"`),
    ];
    const why = openers.length === 0
      ? 'no inject opens it (`opens`) and no effect opens it (`{ open: ' + decision.id + ' }`)'
      : `only ${openers.join(', ')} ${openers.length === 1 ? 'opens' : 'open'} it, and ${openers.length === 1 ? 'that never happens' : 'none of them ever happens'}`;
    issues.push(packWarning(['decisions', i], `decision "${decision.id}" is never asked in any run: ${why}`));
  });
  return issues;
}

/** Move ids that some condition of the pack reads. */
function movesRead(pack: Pack): Set<string> {
  const read = new Set<string>();
  for (const { condition } of conditionsOf(pack)) for (const leaf of leavesOf(condition)) if ('move' in leaf) read.add(leaf.move);
  return read;
}

/** Moves that can never be made, and moves whose making nothing notices (no effect, not scored, read by no condition). */
export function movesNeverUseful(pack: Pack, reach: Reach): PackIssue[] {
  const read = movesRead(pack);
  const required = new Set(pack.reference.required.flatMap((r) => [...(r.move ? [r.move] : []), ...(r.anyOf ?? [])]));
  const scored = new Set([
    ...required,
    ...pack.reference.forbidden.map((f) => f.move),
    ...pack.obligations.flatMap((o) => o.satisfiedBy),
    ...pack.recovery.restartMoves,
  ]);
  const issues: PackIssue[] = [];
  pack.moves.forEach((move, i) => {
    if (!reach.moves.has(move.id) && move.requires) {
      issues.push(packWarning(['moves', i, 'requires'], `move "${move.id}" can never be made: its precondition can never hold (${whyNever(pack, reach, move.requires)})`));
      return;
    }
    const useful = (move.effects ?? []).length > 0 || scored.has(move.id) || (move.marks ?? []).length > 0 || move.cost !== undefined || move.recipient !== undefined || read.has(move.id);
    if (!useful) {
      issues.push(packWarning(['moves', i], `move "${move.id}" changes nothing: it has no effects, is not required, forbidden or a filing, has no marks or cost, and no condition reads it; give it an effect or a mark, or remove it`));
    }
  });
  return issues;
}

/** Obligations whose trigger can never hold. */
export function obligationsNeverTriggered(pack: Pack, reach: Reach): PackIssue[] {
  return pack.obligations.flatMap((o, i) =>
    reach.obligations.has(o.id) ? [] : [packWarning(['obligations', i, 'trigger'], `obligation "${o.id}" never starts in any run: its trigger can never hold (${whyNever(pack, reach, o.trigger)})`)],
  );
}

/**
 * The longest text that fits one screen of the app at its default text size
 * (about 90 characters a line, 20–30 lines in the feed, briefing and prompt
 * panels); longer text scrolls, and on a projector it is not read.
 */
export const SCREEN_LIMITS = { injectBody: 1500, roleBrief: 2000, situation: 2500, decisionPrompt: 600, rationale: 600 } as const;

/** Text longer than a screen. */
export function textTooLong(pack: Pack): PackIssue[] {
  const issues: PackIssue[] = [];
  const check = (path: readonly (string | number)[], text: string | undefined, limit: number, what: string) => {
    if (text !== undefined && text.length > limit) {
      issues.push(packWarning(path, `${what} is ${text.length} characters, longer than one screen (${limit}); shorten it, or move the detail into an attachment`));
    }
  };
  pack.injects.forEach((x, i) => check(['injects', i, 'body'], x.body, SCREEN_LIMITS.injectBody, 'the inject body'));
  pack.roles.forEach((r, i) => check(['roles', i, 'brief'], r.brief, SCREEN_LIMITS.roleBrief, `the brief of ${r.role}`));
  check(['situation'], pack.situation, SCREEN_LIMITS.situation, 'the situation');
  pack.decisions.forEach((d, i) => {
    check(['decisions', i, 'prompt'], d.prompt, SCREEN_LIMITS.decisionPrompt, 'the prompt');
    (d.options ?? []).forEach((o, j) => check(['decisions', i, 'options', j, 'rationale'], o.rationale, SCREEN_LIMITS.rationale, 'the rationale'));
  });
  return issues;
}

/** Listed options without a rationale (the debrief shows why each option is good or bad). */
export function missingRationales(pack: Pack): PackIssue[] {
  return pack.decisions.flatMap((d, i) =>
    (d.options ?? []).flatMap((o, j) =>
      o.rationale === undefined || o.rationale.trim() === ''
        ? [packWarning(['decisions', i, 'options', j], `option "${o.id}" of decision "${d.id}" has no rationale: the debrief cannot say why it is a good or a poor choice`)]
        : [],
    ),
  );
}
