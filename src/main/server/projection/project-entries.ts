/**
 * Log entries as a presenter or participant receives them. Every entry is
 * kept (views replay a gap-free log), but the facilitator's notes never
 * leave the facilitator's windows and an ad-hoc inject addressed to other
 * roles arrives without its title and body until the debrief is released.
 */
import type { LogEntry } from '../../../engine';
import { type Audience, mayRead } from './audience';

/** The text a withheld note or message carries (commands keep their shape so the reducer applies them). */
export const WITHHELD_NOTE = 'A private note of the facilitator';
export const WITHHELD_MESSAGE = 'A message for another role';

/** Projects one entry for an audience. */
export function projectEntry(entry: LogEntry, audience: Audience): LogEntry {
  if (audience.kind === 'facilitator') return entry;
  const command = entry.command;
  if (command.type === 'note.add') return { ...entry, command: { ...command, text: WITHHELD_NOTE } };
  if (command.type === 'inject.adhoc' && !mayRead(audience, command.visibleTo)) {
    return { ...entry, command: { ...command, title: WITHHELD_MESSAGE, body: '' } };
  }
  return entry;
}

/** Projects entries for an audience. */
export function projectEntries(entries: readonly LogEntry[], audience: Audience): readonly LogEntry[] {
  return audience.kind === 'facilitator' ? entries : entries.map((entry) => projectEntry(entry, audience));
}
