/**
 * One live run: the authority over its state. Commands are applied with the
 * engine, appended and flushed to the log, and only then acknowledged and
 * broadcast, in order, to every subscribed view. The session also drives
 * the simulated clock (session-clock.ts).
 */
import type { RunId } from '../../engine';
import { err, ok, type Actor, type Command, type LogEntry, type Pack, type Rejection, type Result, type RunHeader, type RunState } from '../../engine';
import type { LogRepair, PackSnapshot, Persistence, RunDamage, RunFile, RunStatus, SessionEvent, SessionView, SubmitResult, Subscription } from '../../shared/runs';
import type { AppendOutcome, LogWriter } from '../runs/log-writer';
import type { RunDeps } from '../runs/run-deps';
import { buildRunFile } from '../runs/run-file';
import { planClock, startTracker, type ClockTiming, type ClockTracker } from './session-clock';
import { createQuietSkipper } from './quiet-skip';

/** What a session is built from. */
export type RunSessionInit = {
  readonly header: RunHeader;
  readonly pack: Pack;
  readonly snapshot: PackSnapshot;
  readonly state: RunState;
  readonly log: readonly LogEntry[];
  readonly writer: LogWriter;
  readonly deps: RunDeps;
  readonly monotonicNow: () => number;
  readonly wallNow: () => Date;
  readonly timing: ClockTiming;
  readonly repaired?: LogRepair;
  /** A damaged stored run, opened read-only: every command is refused and the clock never runs. */
  readonly damage?: RunDamage;
  /** Called after entries that ended the run were saved (the manager refreshes the history cache). */
  readonly onEnded?: () => void;
};

/** A live run session. */
export type RunSession = {
  readonly runId: RunId;
  readonly header: RunHeader;
  readonly pack: Pack;
  readonly snapshot: PackSnapshot;
  readonly state: () => RunState;
  readonly log: () => readonly LogEntry[];
  readonly status: () => RunStatus;
  readonly persistence: () => Persistence;
  readonly view: () => SessionView;
  readonly submit: (by: Actor, command: Command) => Promise<SubmitResult>;
  /** Runs the clock once (the manager calls it from the scheduler). */
  readonly tick: () => Promise<void>;
  readonly subscribe: (listener: (event: SessionEvent) => void) => Subscription;
  /** Every entry held in memory, saved or not. */
  readonly toRunFile: () => RunFile;
  /** Retries writing entries a failing disk refused; resolves to the number still unsaved. */
  readonly flush: () => Promise<number>;
  /** Length of the log known to be on the disk. */
  readonly durableBytes: () => number;
  /** Entries accepted but not known to be on the disk (in a write in flight, or refused by the disk). */
  readonly unsaved: () => number;
  /** Retries unsaved entries, then closes the log. Resolves to the number of entries still unsaved. */
  readonly close: () => Promise<number>;
};

/** The status of a live run. */
export function liveStatus(state: RunState, damage?: RunDamage): RunStatus {
  if (damage) return 'damaged';
  if (state.phase === 'setup') return 'setup';
  if (state.phase === 'ended') return 'ended';
  return state.clock.paused ? 'paused' : 'running';
}

/** Builds a live session over a replayed state. */
export function createRunSession(init: RunSessionInit): RunSession {
  const { header, pack, snapshot, writer, deps, timing, damage } = init;
  const runId = header.runId;
  const statusOf = (of: RunState) => liveStatus(of, damage);
  let state = init.state;
  const log: LogEntry[] = [...init.log];
  let acked = log.length;
  let tracker: ClockTracker = startTracker(init.monotonicNow());
  let persistence: Persistence = { ok: true };
  let clockStopped = false;
  let closed = false;
  const listeners = new Set<(event: SessionEvent) => void>();
  // Quiet-period skipping (quiet-skip.ts): after the clock's own commands, a tick may add a jump by `system`.
  const quiet = createQuietSkipper(header.skipQuietPeriods === true, init.monotonicNow());

  const emit = (event: SessionEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A failing view must not stop the others or the session.
      }
    }
  };

  type Batch = { state: RunState; entries: LogEntry[] };

  /** Applies commands to a working copy; nothing is kept unless all are accepted. */
  const applyAll = (from: RunState, items: readonly { by: Actor; command: Command }[], firstSeq: number): Result<Batch, Rejection> => {
    let working = from;
    const entries: LogEntry[] = [];
    const wall = init.wallNow().toISOString();
    for (const item of items) {
      const result = deps.applyCommand(pack, working, item);
      if (!result.ok) return result;
      working = result.value.state;
      entries.push({ seq: firstSeq + entries.length, by: item.by, command: item.command, wall });
    }
    return ok({ state: working, entries });
  };

  const system = (commands: readonly Command[]) => commands.map((command) => ({ by: 'system' as const, command }));

  const updatePersistence = (outcome: AppendOutcome) => {
    if (outcome.ok && persistence.ok) return;
    if (outcome.ok) persistence = { ok: true };
    else {
      const since = persistence.ok ? init.wallNow().toISOString() : persistence.since;
      persistence = { ok: false, reason: outcome.error.reason, since, unsaved: writer.unsaved(), retrying: outcome.error.retrying };
    }
    emit({ type: 'persistence', runId, persistence });
  };

  /**
   * Writes accepted entries, then acknowledges them to every view (in order: the writer's queue is FIFO).
   * `previous` and `status` are taken when the entries were applied, so each status event matches its entries.
   */
  const commit = async (entries: LogEntry[], previous: RunStatus, status: RunStatus): Promise<boolean> => {
    log.push(...entries);
    const outcome = await writer.append(entries);
    updatePersistence(outcome);
    acked += entries.length;
    emit({ type: 'entries', runId, entries });
    if (status !== previous) emit({ type: 'status', runId, status });
    if (status === 'ended' && previous !== 'ended' && outcome.ok) init.onEnded?.();
    return outcome.ok;
  };

  const tickOnce = async () => {
    if (closed || clockStopped || damage) return;
    const plan = planClock(tracker, state, init.monotonicNow(), false, timing);
    tracker = plan.tracker;
    if (plan.commands.length === 0) return skipIfQuiet();
    const applied = applyAll(state, system(plan.commands), log.length + 1);
    if (!applied.ok) {
      clockStopped = true;
      emit({ type: 'clock-error', runId, rejection: applied.error });
      return;
    }
    const previous = statusOf(state);
    state = applied.value.state;
    await commit(applied.value.entries, previous, statusOf(state));
    await skipIfQuiet();
  };

  /** Writes the quiet-period jump when one is due (a refused jump is simply not written). */
  const skipIfQuiet = async () => {
    const command = quiet.due(state, init.monotonicNow());
    if (!command || closed || damage) return;
    const applied = applyAll(state, system([command]), log.length + 1);
    if (!applied.ok) return;
    const previous = statusOf(state);
    state = applied.value.state;
    await commit(applied.value.entries, previous, statusOf(state));
  };

  /**
   * The time pressure chosen at setup takes effect as the first entry after
   * `run.start`, in the same batch (so replay needs only the log).
   */
  const setupPressure = (by: Actor, command: Command): { by: Actor; command: Command }[] => {
    if (command.type !== 'run.start' || header.compression === undefined || header.compression === pack.clock.compression) return [];
    return [{ by, command: { type: 'clock.setCompression', compression: header.compression } }];
  };

  const session: RunSession = {
    runId,
    header,
    pack,
    snapshot,
    state: () => state,
    log: () => log,
    status: () => statusOf(state),
    persistence: () => persistence,
    view: () => ({
      runId,
      header,
      pack: snapshot,
      entries: log.slice(0, acked),
      status: statusOf(state),
      persistence,
      ...(init.repaired ? { repaired: init.repaired } : {}),
      ...(damage ? { damage } : {}),
    }),
    submit: async (by, command) => {
      if (damage) return err({ code: 'not-allowed', message: `This run is read-only: ${damage.message}` });
      if (closed) return err({ code: 'not-allowed', message: 'This run is closed; open it again to continue.' });
      const mono = init.monotonicNow();
      if (by !== 'system') quiet.noteActivity(mono);
      const plan = planClock(tracker, state, mono, true, timing);
      // The clock's pending minutes (or its gap pause, or the scenario end) first, so the command is
      // stamped at the right minute; if the command is refused none of it is written (the next tick will).
      const items = [...system(plan.commands), { by, command }, ...setupPressure(by, command)];
      const applied = applyAll(state, items, log.length + 1);
      if (!applied.ok) return applied;
      const previous = statusOf(state);
      tracker = plan.tracker;
      state = applied.value.state;
      const entries = applied.value.entries;
      // A command that reaches the scenario end (an advance, a jump) ends the run in the same batch.
      if (state.phase === 'running' && state.clock.now >= state.clock.end) {
        const ending = applyAll(state, system([{ type: 'run.end', reason: 'The scenario clock reached the end of the scenario.' }]), log.length + entries.length + 1);
        if (ending.ok) {
          state = ending.value.state;
          entries.push(...ending.value.entries);
        }
      }
      clockStopped = false;
      const saved = await commit(entries, previous, statusOf(state));
      return ok({ entries, saved });
    },
    tick: async () => {
      try {
        await tickOnce();
      } catch (error) {
        // A tick runs from a timer: nothing may escape it. The engine is pure, so this is a bug; stop the clock and say so.
        clockStopped = true;
        emit({ type: 'clock-error', runId, rejection: { code: 'not-allowed', message: `The session clock failed: ${error instanceof Error ? error.message : String(error)}` } });
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      // The warning about a dropped torn line also arrives as an event, right after subscribing, for views that only watch events.
      const repaired = init.repaired;
      if (repaired) {
        queueMicrotask(() => {
          if (!listeners.has(listener)) return;
          try {
            listener({ type: 'repaired', runId, repaired });
          } catch {
            // As in emit: a failing view must not take the session down.
          }
        });
      }
      return {
        entries: log.slice(0, acked),
        status: statusOf(state),
        persistence,
        ...(init.repaired ? { repaired: init.repaired } : {}),
        unsubscribe: () => {
          listeners.delete(listener);
        },
      };
    },
    toRunFile: () => buildRunFile(header, snapshot, log, damage),
    flush: async () => {
      if (writer.unsaved() > 0) updatePersistence(await writer.append([]));
      return writer.unsaved();
    },
    durableBytes: () => writer.durableBytes(),
    unsaved: () => writer.unsaved(),
    close: async () => {
      if (!closed) {
        closed = true;
        await session.flush();
        await writer.close();
        emit({ type: 'closed', runId });
        listeners.clear();
      }
      return writer.unsaved();
    },
  };
  return session;
}
