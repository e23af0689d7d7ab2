/**
 * Facilitator interventions that rewrite the scenario: an ad-hoc inject whose
 * effects set or add to a variable, and the early release of a triggered
 * inject (one that arrives only when something happens — the audit's findings,
 * a regulator's letter — delivered before it did). A facilitator may use them
 * to steer a session, but what follows from them is not the team's doing: a
 * recovery criterion set true by hand, a harm counter recounted. The report
 * names each, so a score that rests on them is never read as the team's own.
 */
import { formatSimTime } from '../time';
import type { Pack } from '../pack/schema';
import type { LogEntry, RunState } from '../types';

/** What each intervention did, in the order they happened (empty when there were none). */
export function interventionsOf(pack: Pack, log: readonly LogEntry[], state: RunState): string[] {
  const t = (minutes: Parameters<typeof formatSimTime>[1]) => formatSimTime(pack.clock.start, minutes);
  const label = (id: string) => `“${pack.variables.find((v) => v.id === id)?.label ?? id}”`;
  const out: string[] = [];
  for (const entry of log) {
    const command = entry.command;
    if (command.type === 'inject.adhoc' && command.effects && command.effects.length > 0) {
      const item = state.feed.find((f) => f.adhoc && f.injectId === command.id);
      if (!item) continue;
      const changes = command.effects.map((e) => ('set' in e ? `set ${label(e.set)} to ${String(e.to)}` : `added ${e.by} to ${label(e.add)}`));
      out.push(`at ${t(item.at)} the ad-hoc inject “${command.title}” ${changes.join(', ')}`);
    }
    if (command.type === 'inject.release') {
      const inject = pack.injects.find((i) => i.id === command.inject);
      const item = state.feed.find((f) => f.released && f.injectId === command.inject);
      if (inject?.when !== undefined && item) out.push(`at ${t(item.at)} “${inject.title}” was released before what makes it arrive had happened`);
    }
  }
  return out;
}

/** The report's note on them, or undefined when there were none. */
export function interventionsNote(pack: Pack, log: readonly LogEntry[], state: RunState): string | undefined {
  const found = interventionsOf(pack, log, state);
  if (found.length === 0) return undefined;
  return `The facilitator changed the scenario during the run: ${found.join('; ')}. The score judges the run as it went, so points that follow from these changes are not the team's own, and it is not comparable with runs without them.`;
}
