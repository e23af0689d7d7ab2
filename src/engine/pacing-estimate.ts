/**
 * How long a run takes in real time: the pack's reference response played
 * through a model of the session clock (scenario time grows at `compression`
 * minutes per real second; with quiet-period skipping on, a quiet stretch is
 * skipped after QUIET_GRACE_SECONDS of calm, exactly as the session does),
 * plus the time people need to act: a team needs about ACT_SECONDS to
 * discuss and record each act (a move, an answer, a classification), so when
 * the scenario gives less, the clock waits (the facilitator pauses).
 */
import { applyCommand } from './apply-command';
import type { Pack } from './pack/schema';
import { activityMark, isQuietPeriod, QUIET_GRACE_SECONDS } from './pacing';
import { playScript } from './script';
import { createRun } from './create-run';
import { after, simMinutes } from './sim-minutes';
import type { LogEntry, RunHeader, RunState, SimMinutes } from './types';

/** Real seconds a team needs to discuss and record one act. */
export const ACT_SECONDS = 90;

/** The outcome of an estimate. */
export type PlayEstimate = {
  /** Real seconds from the start to the scenario end: the clock running plus the pauses to act. */
  readonly realSeconds: number;
  /** Of which the clock runs. */
  readonly clockSeconds: number;
  /** Acts of the reference response during the run (each given at least ACT_SECONDS). */
  readonly acts: number;
  /** The TRACE debrief after the run: ACT_SECONDS for each of the reference's TRACE entries (root cause, choices, reflections, action items). */
  readonly debriefSeconds: number;
  /** Scenario minutes the clock ticked through, and skipped. */
  readonly tickedMinutes: SimMinutes;
  readonly skippedMinutes: SimMinutes;
  /** Quiet periods skipped. */
  readonly skips: number;
};

/** Options of an estimate. */
export type EstimateOptions = {
  /** Scenario minutes per real second (the pack's by default). */
  readonly compression?: number;
  /** Skip quiet periods as the session does (default on). */
  readonly skipQuiet?: boolean;
  readonly seed?: number;
};

/** What counts as an act of the team (setup, notes and TRACE input do not). */
const ACTS: ReadonlySet<string> = new Set(['move.make', 'decision.answer', 'severity.classify', 'r3ai.classify']);

/** Longest stretch ticked in one step of the model (minutes); smaller is finer, larger is faster. */
const STEP_MINUTES = 30;

/** Estimates the real time of a run of `pack` that follows its reference response. */
export function estimatePlayTime(pack: Pack, options: EstimateOptions = {}): PlayEstimate {
  const compression = options.compression ?? pack.clock.compression;
  const played = playScript(pack, pack.reference.timeline, { seed: options.seed ?? 1 });
  const model = sessionModel(pack, played.header, compression, options.skipQuiet ?? true);
  for (const { entry, at } of teamEntries(pack, played)) {
    model.runUntil(at);
    model.apply(entry);
  }
  model.runUntil(model.state().clock.end);
  const traceEntries = played.log.filter((entry) => entry.command.type.startsWith('trace.')).length;
  return { ...model.result(), debriefSeconds: traceEntries * ACT_SECONDS };
}

/** The entries the team (or facilitator) made, with the scenario minute of each; the clock's own advances are left out. */
function teamEntries(pack: Pack, played: ReturnType<typeof playScript>): { entry: LogEntry; at: SimMinutes }[] {
  let state = createRun(pack, played.header);
  const entries: { entry: LogEntry; at: SimMinutes }[] = [];
  for (const entry of played.log) {
    const result = applyCommand(pack, state, entry);
    if (!result.ok) throw new Error(`the reference response does not replay at entry ${entry.seq}: ${result.error.message}`);
    state = result.value.state;
    if (entry.command.type === 'clock.advance' || entry.command.type === 'run.end') continue;
    entries.push({ entry, at: state.clock.now });
  }
  return entries;
}

/** The session clock, in real seconds, over a run that receives the team's commands at given minutes. */
type SessionModel = {
  readonly state: () => RunState;
  readonly apply: (entry: LogEntry) => void;
  readonly runUntil: (to: SimMinutes) => void;
  readonly result: () => Omit<PlayEstimate, 'debriefSeconds'>;
};

function sessionModel(pack: Pack, header: RunHeader, compression: number, skipQuiet: boolean): SessionModel {
  let state = createRun(pack, header);
  let mark = activityMark(state);
  const totals = { clockSeconds: 0, pausedSeconds: 0, acts: 0, ticked: 0, skipped: 0, skips: 0 };
  let calmSeconds = 0;
  let sinceAct = Infinity;

  const advanced = (to: SimMinutes): RunState => {
    const result = applyCommand(pack, state, { by: 'system', command: { type: 'clock.advance', to } });
    if (!result.ok) throw new Error(`the clock model could not advance to ${to}: ${result.error.message}`);
    return result.value.state;
  };
  /** Something new arrived: the calm starts again. */
  const observe = () => {
    const next = activityMark(state);
    if (next !== mark) calmSeconds = 0;
    mark = next;
  };
  const skip = (to: SimMinutes) => {
    const from = state.clock.now;
    const jumped = applyCommand(pack, state, { by: 'system', command: { type: 'clock.jumpToNext' } });
    // The team acts before the next event: the skip ends at its command.
    state = jumped.ok && jumped.value.state.clock.now <= to ? jumped.value.state : advanced(to);
    totals.skipped += state.clock.now - from;
    totals.skips += 1;
    observe();
  };
  const tick = (to: SimMinutes) => {
    const from = state.clock.now;
    const untilCalm = Math.max(1, Math.ceil((QUIET_GRACE_SECONDS - calmSeconds) * compression));
    const step = Math.min(to - from, STEP_MINUTES, skipQuiet && isQuietPeriod(state) ? untilCalm : STEP_MINUTES);
    state = advanced(after(from, simMinutes(step)));
    const seconds = step / compression;
    totals.clockSeconds += seconds;
    totals.ticked += step;
    calmSeconds += seconds;
    sinceAct += seconds;
    observe();
  };
  return {
    state: () => state,
    apply: (entry) => {
      const result = applyCommand(pack, state, entry);
      if (!result.ok) return; // a command the reference made at a minute the model reached differently; the clock model goes on
      if (state.phase === 'running' && ACTS.has(entry.command.type)) {
        totals.pausedSeconds += Math.max(0, ACT_SECONDS - sinceAct);
        sinceAct = 0;
        totals.acts += 1;
      }
      state = result.value.state;
      calmSeconds = 0;
      mark = activityMark(state);
    },
    runUntil: (to) => {
      while (state.phase === 'running' && state.clock.now < to) {
        if (skipQuiet && isQuietPeriod(state) && calmSeconds >= QUIET_GRACE_SECONDS) skip(to);
        else tick(to);
      }
    },
    result: () => ({
      realSeconds: totals.clockSeconds + totals.pausedSeconds,
      clockSeconds: totals.clockSeconds,
      acts: totals.acts,
      tickedMinutes: simMinutes(totals.ticked),
      skippedMinutes: simMinutes(totals.skipped),
      skips: totals.skips,
    }),
  };
}
