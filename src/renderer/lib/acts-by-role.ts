/** The team's acts as they happen, grouped by who did them (roles in the pack's order, then the facilitator). */
import { type Actor, type Pack, type SimMinutes, START } from '../../engine';
import type { ActiveRun } from '../store/run-slice';
import { describeCommand } from './describe-entry';

export type Act = { readonly seq: number; readonly at: SimMinutes; readonly text: string };
export type ActsOf = { readonly actor: Actor; readonly acts: readonly Act[] };

/** Commands that are acts of the team (not the clock, setup or notes). */
const ACT_TYPES: ReadonlySet<string> = new Set(['severity.classify', 'r3ai.classify', 'move.make', 'decision.answer', 'inject.release', 'inject.adhoc']);

/** Each role of the pack with its acts, newest first; the facilitator last if they did anything. */
export function actsByRole(pack: Pack, run: Pick<ActiveRun, 'entries' | 'entryTimes'>): ActsOf[] {
  const byActor = new Map<Actor, Act[]>();
  run.entries.forEach((entry, index) => {
    if (!ACT_TYPES.has(entry.command.type)) return;
    const text = describeCommand(pack, entry.command);
    if (!text) return;
    const list = byActor.get(entry.by) ?? [];
    list.unshift({ seq: entry.seq, at: run.entryTimes[index] ?? START, text });
    byActor.set(entry.by, list);
  });
  const roles: ActsOf[] = pack.roles.map(({ role }) => ({ actor: role, acts: byActor.get(role) ?? [] }));
  const facilitator = byActor.get('facilitator');
  return facilitator ? [...roles, { actor: 'facilitator', acts: facilitator }] : roles;
}
