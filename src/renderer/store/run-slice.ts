/**
 * The run a view follows. Main owns the run; this view applies the same log
 * entries with the same reducer, so it holds the same state (ARCHITECTURE.md,
 * "Where a run lives"). Commands go to main; accepted entries come back as
 * `runEvent`s to every view.
 */
import { type Actor, applyCommand, type Command, createRun, type Fact, type LogEntry, type Pack, type RunHeader, type RunState } from '../../engine';
import type { PackAttachment } from '../../shared/packs';
import type { LogRepair, Persistence, RunDamage, RunStatus, SessionEvent, SessionView } from '../../shared/runs';
import { call, subscribe } from '../api';
import { errorText } from './errors';
import type { SliceCreator } from './store';

/** The followed run. */
export type ActiveRun = {
  readonly runId: string;
  readonly header: RunHeader;
  readonly pack: Pack;
  readonly attachments: Readonly<Record<string, PackAttachment>>;
  readonly entries: readonly LogEntry[];
  /** Scenario minute at which each entry (same index) was applied. */
  readonly entryTimes: readonly number[];
  readonly state: RunState;
  readonly status: RunStatus;
  readonly persistence: Persistence;
  readonly repaired: LogRepair | undefined;
  /** A damaged run opened read-only: `entries` are the valid ones before the damage. */
  readonly damage: RunDamage | undefined;
  /** Facts of the latest entries, newest last (for announcements). */
  readonly recentFacts: readonly Fact[];
  /** The last command main refused, for the person who tried it. */
  readonly rejection: string | undefined;
  readonly clockError: string | undefined;
};

export type RunSlice = {
  readonly run: ActiveRun | undefined;
  readonly runLoading: string | undefined;
  /** Who the person at this screen acts as. */
  readonly actingAs: Actor;
  readonly openRun: (runId: string) => Promise<boolean>;
  readonly leaveRun: () => void;
  readonly submit: (command: Command, by?: Actor) => Promise<boolean>;
  readonly setActingAs: (actor: Actor) => void;
  readonly clearRejection: () => void;
  readonly receiveRunEvent: (event: SessionEvent) => void;
};

let unsubscribeRunEvents: (() => void) | undefined;

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  run: undefined,
  runLoading: undefined,
  actingAs: 'incident-lead',
  openRun: async (runId) => {
    if (get().run?.runId === runId) return true;
    set((d) => void (d.runLoading = runId));
    // One subscription per followed run (renewed on each open, so it always listens on the current bridge).
    unsubscribeRunEvents?.();
    unsubscribeRunEvents = subscribe('runEvent', (event) => get().receiveRunEvent(event));
    try {
      const view = await call('openRun', runId);
      const active = activeFromView(view);
      set((d) => {
        d.run = active as never;
        d.runLoading = undefined;
      });
      return true;
    } catch (error) {
      set((d) => void (d.runLoading = undefined));
      get().notify('error', `The run could not be opened: ${errorText(error)}`);
      return false;
    }
  },
  leaveRun: () => {
    unsubscribeRunEvents?.();
    unsubscribeRunEvents = undefined;
    set((d) => void (d.run = undefined));
  },
  submit: async (command, by) => {
    const run = get().run;
    if (!run) return false;
    try {
      const result = await call('submitCommand', run.runId, { by: by ?? get().actingAs, command });
      if (!result.ok) {
        set((d) => void (d.run && (d.run.rejection = result.rejection.message)));
        return false;
      }
      get().receiveRunEvent({ type: 'entries', runId: run.runId, entries: result.entries });
      set((d) => void (d.run && (d.run.rejection = undefined)));
      return true;
    } catch (error) {
      set((d) => void (d.run && (d.run.rejection = errorText(error))));
      return false;
    }
  },
  setActingAs: (actor) => set((d) => void (d.actingAs = actor)),
  clearRejection: () => set((d) => void (d.run && (d.run.rejection = undefined))),
  receiveRunEvent: (event) => {
    const run = get().run;
    if (!run || run.runId !== event.runId) return;
    const next = applyRunEvent(run, event);
    if (next !== run) set((d) => void (d.run = next as never));
  },
});

function activeFromView(view: SessionView): ActiveRun {
  // Replay entry by entry (not `replay` in one go) to learn the scenario minute of each entry for the log.
  let state = createRun(view.pack.pack, view.header);
  const entryTimes: number[] = [];
  for (const entry of view.entries) {
    const result = applyCommand(view.pack.pack, state, { by: entry.by, command: entry.command });
    if (!result.ok) throw new Error(`entry ${entry.seq} does not replay: ${result.rejection.message}`);
    state = result.state;
    entryTimes.push(state.clock.now);
  }
  return {
    runId: view.runId,
    header: view.header,
    pack: view.pack.pack,
    attachments: view.pack.attachments,
    entries: view.entries,
    entryTimes,
    state,
    status: view.status,
    persistence: view.persistence,
    repaired: view.repaired,
    damage: view.damage,
    recentFacts: [],
    rejection: undefined,
    clockError: undefined,
  };
}

/**
 * Who clock and lifecycle commands are recorded as: the facilitator in a
 * tabletop; in solo practice the learner, as the role they act as. (The
 * session reserves `system` for its own clock.)
 */
export function controlActor(run: Pick<ActiveRun, 'header'>, actingAs: Actor): Actor {
  return run.header.mode === 'facilitated' ? 'facilitator' : actingAs;
}

/** Applies one session event to the followed run (pure; returns the same object when nothing changes). */
export function applyRunEvent(run: ActiveRun, event: SessionEvent): ActiveRun {
  switch (event.type) {
    case 'entries':
      return applyEntries(run, event.entries);
    case 'status':
      return { ...run, status: event.status };
    case 'persistence':
      return { ...run, persistence: event.persistence };
    case 'repaired':
      return { ...run, repaired: event.repaired };
    case 'clock-error':
      return { ...run, clockError: event.rejection.message };
    case 'closed':
      return run;
    default:
      return run;
  }
}

function applyEntries(run: ActiveRun, entries: readonly LogEntry[]): ActiveRun {
  const lastSeq = run.entries.length;
  const fresh = entries.filter((entry) => entry.seq > lastSeq).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return run;
  if (fresh[0]!.seq !== lastSeq + 1) return run; // a gap: the view waits for the missing entries
  let state = run.state;
  const facts: Fact[] = [];
  const times: number[] = [];
  for (const entry of fresh) {
    const result = applyCommand(run.pack, state, { by: entry.by, command: entry.command });
    if (!result.ok) return { ...run, clockError: `Entry ${entry.seq} does not apply here: ${result.rejection.message}` };
    state = result.state;
    facts.push(...result.facts);
    times.push(state.clock.now);
  }
  return {
    ...run,
    entries: [...run.entries, ...fresh],
    entryTimes: [...run.entryTimes, ...times],
    state,
    recentFacts: [...run.recentFacts, ...facts].slice(-20),
  };
}
