/**
 * Who a view is for. The facilitator's own windows see everything; the
 * presenter (projector) and participants on their own devices receive only
 * a projection that main filters for them (ARCHITECTURE.md, "Where a run
 * lives"): never the reference, the answer key, rationales, the facilitator's
 * notes or other roles' private text before the debrief is released.
 */
import type { RoleId } from '../../../engine';

export type Audience =
  | { readonly kind: 'facilitator' }
  | { readonly kind: 'presenter'; readonly debriefReleased: boolean }
  /** Participants leave when the run ends (the room closes), so the debrief is never released to them. */
  | { readonly kind: 'participant'; readonly role: RoleId | null };

/** The facilitator's audience (no filtering). */
export const FACILITATOR: Audience = { kind: 'facilitator' };

/** Whether text addressed to `visibleTo` may reach this audience. */
export function mayRead(audience: Audience, visibleTo: 'all' | readonly RoleId[]): boolean {
  switch (audience.kind) {
    case 'facilitator':
      return true;
    case 'presenter':
      return audience.debriefReleased || visibleTo === 'all';
    case 'participant':
      return visibleTo === 'all' || (audience.role !== null && visibleTo.includes(audience.role));
  }
}

/** Whether the reference, answer key and rationales may reach this audience. */
export const mayReadAnswers = (audience: Audience): boolean => audience.kind === 'facilitator' || (audience.kind === 'presenter' && audience.debriefReleased);
