/**
 * Plain-text pieces shared by the Markdown and HTML reports (the renderers
 * escape them): stage and actor names, times, obligation outcomes.
 */
import {
  type Actor,
  assertNever,
  clockOffset,
  type Debrief,
  formatDuration,
  formatSimDateTime,
  formatSimTime,
  START,
  type SimMinutes,
  type ObligationRecord,
  ROLE_TITLES,
  type RoleId,
} from '../../engine';

/** Stage titles (the engine's vocabulary). */
export { STAGE_TITLES } from '../../engine';

/** "Incident Lead", "Facilitator", "System". */
export function actorName(actor: Actor | undefined): string {
  if (actor === undefined) return '';
  if (actor in ROLE_TITLES) return ROLE_TITLES[actor as RoleId];
  return actor === 'facilitator' ? 'Facilitator' : 'System';
}

/** Scenario time "Day 1 09:30" of a debrief. */
export const at = (debrief: Debrief, minutes: SimMinutes | undefined): string =>
  minutes === undefined ? '' : formatSimTime(debrief.pack.clockStart, minutes);

/** "Mon 6 Dec 2027 08:30 (UTC)": the scenario start, shown once in the header. */
export function scenarioStart(debrief: Debrief): string {
  return `${formatSimDateTime(debrief.pack.clockStart, START)} (${clockOffset(debrief.pack.clockStart)})`;
}

/** Scenario length, "8h". */
export const span = (minutes: number): string => formatDuration(minutes);

/** What happened to an obligation in one run. */
export function obligationOutcome(debrief: Debrief, record: ObligationRecord | undefined): string {
  if (!record) return 'Not triggered';
  const clock = `started ${at(debrief, record.triggeredAt)}, due ${at(debrief, record.dueAt)}`;
  switch (record.status) {
    case 'met':
      return `Met ${at(debrief, record.metAt)} by ${actorName(record.metBy)} (${clock})`;
    case 'met-late':
      return `Met late ${at(debrief, record.metAt)} by ${actorName(record.metBy)} (${clock})`;
    case 'overdue':
      return `Missed (${clock})`;
    case 'running':
      return `Still running when the run stopped (${clock})`;
    default:
      return assertNever(record.status);
  }
}

/** "12.5" / "-3": a score figure. */
export const points = (n: number): string => String(n);

/** The points column of a line: "7 / 10", "−10", "n/a". */
export function linePoints(line: { kind: string; points: number; max: number }): string {
  if (line.kind === 'not-applicable') return 'n/a';
  if (line.kind === 'penalty') return line.points === 0 ? '0' : `−${Math.abs(line.points)}`;
  return `${line.points} / ${line.max}`;
}
