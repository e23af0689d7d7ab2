/**
 * A run ended before the scenario's end is judged to the end. Ending the
 * exercise does not end the incident: the minutes the team did not play run
 * on with no further act — the harm keeps growing, regulatory clocks run
 * out, open prompts expire with their defaults, nothing is restarted. Without
 * this a team could classify, stop the run at minute 30 and keep every point
 * not yet due (a harm comparison read at minute 30, obligations "not yet
 * due"), and a strong response cut short would lose required acts whose
 * deadlines lay beyond the cut while its obligations were not judged at all.
 * The team's TRACE entries (after `run.end`) are kept as they were.
 */
import { replay } from './engine-api';
import type { Pack } from '../pack/schema';
import type { LogEntry, RunHeader, RunState, SimMinutes } from '../types';

/** The run played to the scenario's end, when it was ended before it. */
export type PlayedToEnd = { readonly state: RunState; readonly endedAt: SimMinutes };

/**
 * `log` with the clock run on to the scenario's end just before its `run.end`
 * (entries renumbered); undefined when the run was not ended early, or the
 * clock cannot run on (a trigger loop ahead: the run is then judged as played).
 */
export function playedToEnd(pack: Pack, header: RunHeader, log: readonly LogEntry[], played: RunState): PlayedToEnd | undefined {
  const endedAt = played.endedAt;
  const cut = log.findIndex((entry) => entry.command.type === 'run.end');
  if (played.phase !== 'ended' || endedAt === undefined || endedAt >= pack.clock.end || cut < 0) return undefined;
  const runOn: LogEntry = { seq: 0, by: 'system', command: { type: 'clock.advance', to: pack.clock.end } };
  const entries = [...log.slice(0, cut), runOn, ...log.slice(cut)].map((entry, i) => ({ ...entry, seq: i + 1 }));
  const result = replay(pack, header, entries);
  return result.ok ? { state: result.value.state, endedAt } : undefined;
}
