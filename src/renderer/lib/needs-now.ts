/** What needs the team now, most urgent first: open prompts, then regulatory clocks under an hour. */
import { type Pack, type RunState, between, type SimMinutes } from '../../engine';

/** A regulatory clock is urgent with less than this left (scenario minutes). */
export const URGENT_MINUTES = 60;

export type Need =
  | { readonly kind: 'decision'; readonly decisionId: string; readonly left: SimMinutes | undefined }
  | { readonly kind: 'deadline'; readonly obligationId: string; readonly left: SimMinutes };

/** Open decisions and running regulatory clocks with under an hour left, by time left (prompts without a countdown last, in pack order). */
export function needsNow(pack: Pack, state: RunState): Need[] {
  const now = state.clock.now;
  const needs: Need[] = [];
  for (const decision of pack.decisions) {
    const record = state.decisions[decision.id];
    if (record?.status === 'open') needs.push({ kind: 'decision', decisionId: decision.id, left: record.dueAt === undefined ? undefined : between(now, record.dueAt) });
  }
  for (const obligation of pack.obligations) {
    const record = state.obligations[obligation.id];
    if (record?.status === 'running' && record.dueAt - now < URGENT_MINUTES) needs.push({ kind: 'deadline', obligationId: obligation.id, left: between(now, record.dueAt) });
  }
  return needs.map((need, index) => ({ need, index })).sort((a, b) => (a.need.left ?? Infinity) - (b.need.left ?? Infinity) || a.index - b.index).map((x) => x.need);
}
