/**
 * The run a view follows. Main owns the run; this view applies the same log
 * entries with the same reducer, so it holds the same state (ARCHITECTURE.md,
 * "Where a run lives"). Commands go to main; accepted entries come back as
 * `runEvent`s to every view, the submitting one included. There is one way in
 * for entries (`followEntries`, the engine's reducer); everything else about
 * the run (its status, what needs the team) is derived from the state.
 */
import type { RunId, SimMinutes } from '../../engine';
import { type Actor, applyCommand, assertNever, type Command, createRun, type Fact, type LogEntry, type Pack, type RunHeader, type RunState } from '../../engine';
import type { PackAttachment } from '../../shared/packs';
import type { LogRepair, Persistence, RunDamage, SessionEvent, SessionView } from '../../shared/runs';
import { call, subscribe } from '../api';
import { errorText } from './errors';
import type { SliceCreator } from './store';

/** The followed run. */
export type ActiveRun = {
  readonly runId: RunId;
  readonly header: RunHeader;
  readonly pack: Pack;
  readonly attachments: Readonly<Record<string, PackAttachment>>;
  readonly entries: readonly LogEntry[];
  /** Scenario minute at which each entry (same index) was applied. */
  readonly entryTimes: readonly SimMinutes[];
  readonly state: RunState;
  readonly persistence: Persistence;
  readonly repaired: LogRepair | undefined;
  /** A damaged run opened read-only: `entries` are the valid ones before the damage. */
  readonly damage: RunDamage | undefined;
  /** Facts of the latest entries, newest last (for announcements), with the entry that emitted each. */
  readonly recentFacts: readonly (Fact & { readonly seq: number })[];
  /** The last command main refused, for the person who tried it. */
  readonly rejection: string | undefined;
  readonly clockError: string | undefined;
};

/** Where a followed run is, derived from its state. */
export type LiveStatus = 'setup' | 'running' | 'paused' | 'ended';

/** The status of a run, from its state. */
export function liveStatus(state: RunState): LiveStatus {
  if (state.phase === 'setup') return 'setup';
  if (state.phase === 'ended') return 'ended';
  return state.clock.paused ? 'paused' : 'running';
}

export type RunSlice = {
  readonly run: ActiveRun | undefined;
  readonly runLoading: string | undefined;
  /** Who the person at this screen acts as. */
  readonly actingAs: Actor;
  readonly openRun: (runId: RunId) => Promise<boolean>;
  /** Opens the followed run again (e.g. the presenter, once the debrief is released, receives the answers). */
  readonly reopenRun: (runId: RunId) => Promise<boolean>;
  readonly leaveRun: () => void;
  /** Sends a command; resolves once main accepted it and its entries reached this view (false when refused). */
  readonly submit: (command: Command, by?: Actor) => Promise<boolean>;
  readonly setActingAs: (actor: Actor) => void;
  readonly clearRejection: () => void;
  readonly receiveRunEvent: (event: SessionEvent) => void;
};

let unsubscribeRunEvents: (() => void) | undefined;

/** Submitters waiting for their entries to arrive through the broadcast. */
const waiting: Array<{ readonly runId: RunId; readonly seq: number; readonly done: () => void }> = [];
/** How long a submitter waits for its entries (they may come later; the command was accepted either way). */
const ARRIVAL_TIMEOUT_MS = 5000;

function whenApplied(runId: RunId, seq: number, applied: () => number): Promise<void> {
  if (applied() >= seq) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ARRIVAL_TIMEOUT_MS);
    const waiter = { runId, seq, done: finish };
    waiting.push(waiter);
    function finish() {
      clearTimeout(timer);
      const index = waiting.indexOf(waiter);
      if (index >= 0) waiting.splice(index, 1);
      resolve();
    }
  });
}

function releaseWaiters(runId: RunId | undefined, applied: number): void {
  for (const waiter of [...waiting]) if (waiter.runId !== runId || waiter.seq <= applied) waiter.done();
}

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
      const active = openedRun(view);
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
  reopenRun: async (runId) => {
    if (get().run?.runId === runId) set((d) => void (d.run = undefined));
    return get().openRun(runId);
  },
  leaveRun: () => {
    unsubscribeRunEvents?.();
    unsubscribeRunEvents = undefined;
    set((d) => void (d.run = undefined));
    releaseWaiters(undefined, Infinity);
  },
  submit: async (command, by) => {
    const run = get().run;
    if (!run) return false;
    try {
      const result = await call('submitCommand', run.runId, { by: by ?? get().actingAs, command });
      if (!result.ok) {
        set((d) => void (d.run && (d.run.rejection = result.error.message)));
        return false;
      }
      // The entries come in through the broadcast, like everyone else's (one way in).
      const last = result.value.entries.at(-1)?.seq ?? 0;
      await whenApplied(run.runId, last, () => (get().run?.runId === run.runId ? (get().run?.entries.length ?? 0) : Infinity));
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
    releaseWaiters(run.runId, next.entries.length);
  },
});

/** A run as a view first sees it: the view's log followed from the start. */
function openedRun(view: SessionView): ActiveRun {
  const initial: ActiveRun = {
    runId: view.runId,
    header: view.header,
    pack: view.pack.pack,
    attachments: view.pack.attachments,
    entries: [],
    entryTimes: [],
    state: createRun(view.pack.pack, view.header),
    persistence: view.persistence,
    repaired: view.repaired,
    damage: view.damage,
    recentFacts: [],
    rejection: undefined,
    clockError: undefined,
  };
  const followed = followEntries(initial, view.entries);
  if (followed.clockError) throw new Error(followed.clockError);
  return { ...followed, recentFacts: [] };
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
      return followEntries(run, event.entries);
    case 'status':
      return run; // derived from the state (liveStatus)
    case 'persistence':
      return { ...run, persistence: event.persistence };
    case 'repaired':
      return { ...run, repaired: event.repaired };
    case 'clock-error':
      return { ...run, clockError: event.rejection.message };
    case 'closed':
      return run;
    default:
      return assertNever(event);
  }
}

/**
 * The one way entries get into a view: those after the last one applied, in
 * order, through the engine's reducer. Entries already applied are ignored;
 * after a gap the view waits for the missing ones.
 */
export function followEntries(run: ActiveRun, entries: readonly LogEntry[]): ActiveRun {
  const lastSeq = run.entries.length;
  const fresh = entries.filter((entry) => entry.seq > lastSeq).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0 || fresh[0]!.seq !== lastSeq + 1) return run;
  let state = run.state;
  const facts: (Fact & { seq: number })[] = [];
  const times: SimMinutes[] = [];
  const applied: LogEntry[] = [];
  for (const entry of fresh) {
    if (entry.seq !== lastSeq + applied.length + 1) break;
    const result = applyCommand(run.pack, state, { by: entry.by, command: entry.command });
    if (!result.ok) return { ...run, clockError: `Entry ${entry.seq} does not apply here: ${result.error.message}` };
    state = result.value.state;
    for (const fact of result.value.facts) facts.push({ ...fact, seq: entry.seq });
    times.push(state.clock.now);
    applied.push(entry);
  }
  return {
    ...run,
    entries: [...run.entries, ...applied],
    entryTimes: [...run.entryTimes, ...times],
    state,
    recentFacts: [...run.recentFacts, ...facts].slice(-20),
  };
}
