/**
 * The facilitator's events list (a Master Scenario Events List): every
 * inject of the pack and every ad-hoc one, fired ones with their time,
 * upcoming ones by when they are due, triggered ones with their condition.
 */
import { describeCondition, formatSpan, injectDueAt, type Channel, type InjectId, type Pack, type RoleId, type RunState, type SimMinutes } from '../../engine';

export type EventRow = {
  readonly id: InjectId;
  readonly title: string;
  readonly channel: Channel;
  readonly visibleTo: 'all' | readonly RoleId[];
  readonly status: 'fired' | 'scheduled' | 'pending' | 'triggered';
  /** When it fired, or when it is due (scheduled, pending). */
  readonly at?: SimMinutes;
  /** For triggered injects: what makes it fire, in words. */
  readonly condition?: string;
  readonly released: boolean;
  readonly adhoc: boolean;
};

/** Fired first (oldest first), then upcoming by due time, then triggered in pack order. */
export function eventsList(pack: Pack, state: RunState): EventRow[] {
  const fired: EventRow[] = state.feed.map((item) => {
    const inject = pack.injects.find((i) => i.id === item.injectId);
    return {
      id: item.injectId,
      title: item.content?.title ?? inject?.title ?? item.injectId,
      channel: item.content?.channel ?? inject?.channel ?? 'memo',
      visibleTo: item.content?.visibleTo ?? inject?.visibleTo ?? 'all',
      status: 'fired',
      at: item.at,
      released: item.released,
      adhoc: item.adhoc,
    };
  });
  const waiting = pack.injects.filter((i) => state.fired[i.id] === undefined);
  const upcoming: EventRow[] = waiting.flatMap((inject): EventRow[] => {
    const base = { id: inject.id, title: inject.title, channel: inject.channel, visibleTo: inject.visibleTo, released: false, adhoc: false };
    const at = injectDueAt(state, inject.id);
    if (at === undefined) return [];
    return [{ ...base, status: at === state.schedule[inject.id] ? 'scheduled' : 'pending', at }];
  });
  upcoming.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  const triggered: EventRow[] = waiting
    .filter((inject) => inject.when !== undefined && injectDueAt(state, inject.id) === undefined)
    .map((inject) => ({
      id: inject.id,
      title: inject.title,
      channel: inject.channel,
      visibleTo: inject.visibleTo,
      status: 'triggered',
      condition: `${describeCondition(pack, inject.when!)}${inject.delay ? `, then ${formatSpan(inject.delay)} later` : ''}`,
      released: false,
      adhoc: false,
    }));
  return [...fired, ...upcoming, ...triggered];
}
