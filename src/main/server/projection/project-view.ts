/**
 * Session views and run events as an audience receives them: the one place
 * that decides what of a run crosses the wire to a presenter or participant.
 */
import { ok } from '../../../engine';
import type { RoomStatus } from '../../../shared/room';
import type { SessionEvent, SessionView, SubmitResult } from '../../../shared/runs';
import type { Audience } from './audience';
import { projectEntries } from './project-entries';
import { projectSnapshot } from './project-pack';

/** Projects the view a view opens a run with. */
export function projectView(view: SessionView, audience: Audience): SessionView {
  if (audience.kind === 'facilitator') return view;
  return { ...view, pack: projectSnapshot(view.pack, audience), entries: projectEntries(view.entries, audience) };
}

/** Projects a run event. */
export function projectRunEvent(event: SessionEvent, audience: Audience): SessionEvent {
  return event.type === 'entries' ? { ...event, entries: projectEntries(event.entries, audience) } : event;
}

/** Projects the answer to a submitted command (the entries it appended). */
export function projectSubmitResult(result: SubmitResult, audience: Audience): SubmitResult {
  return result.ok ? ok({ ...result.value, entries: projectEntries(result.value.entries, audience) }) : result;
}

/** The room as the presenter shows it: how to join (code, address, QR code), not who joined or how they voted. */
export function joinCard(status: RoomStatus): RoomStatus {
  return status.open ? { ...status, participants: [], votes: {} } : status;
}
