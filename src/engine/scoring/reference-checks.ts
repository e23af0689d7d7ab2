/**
 * Warnings about a pack's reference that scoring would otherwise silently
 * live with: a reference act made by a role without the authority, a
 * restart-like change the recovery gate cannot see, a requirement counted
 * from an inject the reference never receives, and a decision whose best
 * answer disagrees with the reference classification.
 */
import type { Effect } from '../pack/effect';
import type { Pack } from '../pack/schema';
import { ROLE_TITLES, type RoleId } from '../pack/vocabulary';
import { formatSpan } from '../time';
import { rolesTitle } from './acts';
import type { RunView } from './context';
import { r3aiCategories } from './rules/detect';
import { expectedAt } from './severity';
import type { SelfCheckIssue } from './self-check';

const warning = (path: (string | number)[], message: string): SelfCheckIssue => ({ path, message, severity: 'warning' });

/** Reference timeline entries whose act is outside the actor's authority. */
function authorityWarnings(pack: Pack, reference: RunView): SelfCheckIssue[] {
  const out: SelfCheckIssue[] = [];
  pack.reference.timeline.forEach((entry, index) => {
    const command = entry.command;
    if (command.type !== 'move.make' && command.type !== 'decision.answer') return;
    const act = command.type === 'decision.answer'
      ? reference.acts.find((a) => a.key === `decision:${command.decision}`)
      : reference.acts.find((a) => a.kind === 'move' && a.id === command.move && a.by === entry.by && a.at === (entry.at ?? a.at));
    if (act?.authority.kind !== 'outside') return;
    const who = entry.by in ROLE_TITLES ? `the ${ROLE_TITLES[entry.by as RoleId]}` : `the ${entry.by}`;
    out.push(warning(['reference', 'timeline', index, 'by'], `the reference makes “${act.label}” as ${who}, outside its authority (it belongs to ${rolesTitle(act.authority.owners)}): the reference loses points for it; use the owning role`));
  });
  return out;
}

/** Effects that put the system back like a restart move does, where no `recovery.inService` lets the gate see them. */
function ungatedRestartWarnings(pack: Pack): SelfCheckIssue[] {
  if (pack.recovery.inService !== undefined) return [];
  const restartSets = new Set<string>();
  for (const id of pack.recovery.restartMoves) {
    for (const effect of pack.moves.find((m) => m.id === id)?.effects ?? []) if ('set' in effect) restartSets.add(`${effect.set}=${String(effect.to)}`);
  }
  const sets = (effects: readonly Effect[] | undefined) => (effects ?? []).some((e) => 'set' in e && restartSets.has(`${e.set}=${String(e.to)}`));
  const out: SelfCheckIssue[] = [];
  const advice = 'so the recovery gate does not check it: add `recovery.inService` (a condition that holds while the system is in service) so every return to service is checked';
  pack.moves.forEach((move, index) => {
    if (!pack.recovery.restartMoves.includes(move.id) && sets(move.effects)) out.push(warning(['moves', index, 'effects'], `move “${move.label}” puts the system back into service like a restart move but is not one of recovery.restartMoves, ${advice}`));
  });
  pack.decisions.forEach((decision, d) => {
    (decision.options ?? []).forEach((option, o) => {
      if (sets(option.effects) && !option.marks?.includes('restart')) out.push(warning(['decisions', d, 'options', o, 'effects'], `choosing “${option.label}” puts the system back into service like a restart move, ${advice}`));
    });
    if (sets(decision.onExpire?.effects)) out.push(warning(['decisions', d, 'onExpire', 'effects'], `letting “${decision.id}” expire puts the system back into service like a restart move, ${advice}`));
  });
  return out;
}

/** Requirements counted from an inject that never reaches the reference team (they can never apply to the yardstick). */
function fromWarnings(pack: Pack, reference: RunView): SelfCheckIssue[] {
  return pack.reference.required.flatMap((req, index) => {
    if (req.from === 'start' || reference.state.fired[req.from.inject] !== undefined) return [];
    return [warning(['reference', 'required', index, 'from', 'inject'], `inject “${req.from.inject}” never fires in the reference run, so this requirement (within ${formatSpan(req.within)} of it) is never demonstrated by the reference`)];
  });
}

/** Severity and R3AI prompts whose best answer is not what the reference classification accepts when they open. */
function classificationWarnings(pack: Pack, reference: RunView): SelfCheckIssue[] {
  const out: SelfCheckIssue[] = [];
  pack.decisions.forEach((decision, index) => {
    if (!decision.best || decision.best.length === 0) return;
    if (decision.kind === 'severity') {
      const opened = reference.state.decisions[decision.id]?.openedAt;
      const step = opened === undefined ? undefined : expectedAt(reference.expected, opened);
      if (!step) return;
      const wrong = decision.best.filter((b) => !step.accept.includes(Number(b.slice(1)) as never));
      if (wrong.length) out.push(warning(['decisions', index, 'best'], `best answers ${wrong.join(', ')} are not among the levels the reference severity accepts when the prompt opens (${step.accept.map((l) => `V${l}`).join(', ')})`));
    } else if (decision.kind === 'r3ai') {
      const accepted = r3aiCategories({ pack });
      const wrong = decision.best.filter((b) => !accepted.includes(b as never));
      if (wrong.length) out.push(warning(['decisions', index, 'best'], `best answers ${wrong.join(', ')} disagree with reference.r3ai (${accepted.join(', ')})`));
    }
  });
  return out;
}

/** Every warning about the reference (empty for a consistent pack). */
export function referenceWarnings(pack: Pack, reference: RunView | undefined): SelfCheckIssue[] {
  return [
    ...(reference ? [...authorityWarnings(pack, reference), ...fromWarnings(pack, reference), ...classificationWarnings(pack, reference)] : []),
    ...ungatedRestartWarnings(pack),
  ];
}
