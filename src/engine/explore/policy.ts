/**
 * Playing a pack with a policy instead of a script: at regular stops the
 * policy looks at the state and picks acts (moves, answers, classifications).
 * Used by `vaim explore` / `vaim playtest` and the strategy tests to search for
 * responses that score well without being the reference. Pure and seeded.
 */
import { derivedRunId } from '../run-id';
import type { Actor, Command } from '../command-schema';
import { applyToDraft } from '../apply-command';
import { createDraft } from '../create-run';
import type { DraftState } from '../draft';
import type { InjectId, MoveId } from '../pack/primitives';
import type { Pack } from '../pack/schema';
import { indexOf } from '../pack-index';
import { nextFloat, seedRng } from '../random';
import type { ScriptEntry } from '../script';
import { ENGINE_VERSION, type Fact, type LogEntry, type RunHeader, type RunState } from '../types';
import { after, earliest, simMinutes, type SimMinutes } from '../sim-minutes';
import { entriesOf } from '../records';

/** What a policy sees at a stop and what it may do. */
export type PolicyView = {
  readonly pack: Pack;
  readonly state: RunState;
  /** Moves whose precondition holds now and that may be made (not made yet, or repeatable). */
  readonly availableMoves: readonly MoveId[];
  /** Decisions open now. */
  readonly openDecisions: readonly string[];
  /** A number in [0, 1) from the policy's own seeded stream. */
  readonly random: () => number;
};

/** A policy: the acts to attempt at a stop (refused ones are simply not made). */
export type Policy = {
  readonly name: string;
  /** Setup commands (roles, readiness) before the start; `random` is the policy's own seeded stream. */
  readonly setup: (pack: Pack, random: () => number) => readonly { by: Actor; command: Command }[];
  readonly act: (view: PolicyView) => readonly { by: Actor; command: Command }[];
  /** Commands after the run ended (TRACE). */
  readonly after: (pack: Pack) => readonly { by: Actor; command: Command }[];
};

/** The played run: what `score` needs, plus the script that reproduces it. */
export type PolicyRun = {
  readonly header: RunHeader;
  readonly log: readonly LogEntry[];
  readonly state: RunState;
  /** The same run as a `vaim play` script (entries with `at`). */
  readonly script: readonly ScriptEntry[];
  /** Injects that fired and decisions that opened (for coverage). */
  readonly fired: readonly InjectId[];
  readonly opened: readonly string[];
};

/** How often the policy looks at the state: every 15 minutes on the first day, then hourly. */
function nextStop(now: SimMinutes, end: SimMinutes): SimMinutes {
  const step = simMinutes(now < 24 * 60 ? 15 : 60);
  return earliest(end, after(now, step));
}

/** Plays `policy` on `pack` with `seed` (the run's seed and the policy's random stream). */
export function playPolicy(pack: Pack, policy: Policy, seed: number): PolicyRun {
  const header: RunHeader = {
    runId: derivedRunId('explore', pack.id, policy.name, seed), engineVersion: ENGINE_VERSION, packId: pack.id, packVersion: pack.version,
    packHash: '', seed, mode: 'solo', createdAt: '1970-01-01T00:00:00.000Z', participants: [],
  };
  const state: DraftState = createDraft(pack, header);
  const index = indexOf(pack);
  const log: LogEntry[] = [];
  const script: ScriptEntry[] = [];
  const scratch: Fact[] = [];
  const rng = seedRng(seed ^ 0x5bd1e995);
  const random = () => nextFloat(rng);
  const apply = (by: Actor, command: Command, scripted: boolean): boolean => {
    scratch.length = 0;
    if (applyToDraft(pack, state, { by, command }, scratch) !== undefined) return false;
    log.push({ seq: log.length + 1, by, command });
    if (scripted) script.push({ ...(state.phase === 'setup' || state.phase === 'ended' ? {} : { at: state.clock.now }), by, command });
    return true;
  };
  for (const entry of policy.setup(pack, random)) apply(entry.by, entry.command, true);
  apply('system', { type: 'run.start' }, false);
  const end = state.clock.end;
  for (;;) {
    const availableMoves = pack.moves
      .filter((m) => (m.repeatable || !state.moves.some((r) => r.moveId === m.id)) && (index.moves.get(m.id)?.requires?.test(state) ?? true))
      .map((m) => m.id);
    const openDecisions = entriesOf(state.decisions).filter(([, d]) => d.status === 'open').map(([id]) => id);
    for (const entry of policy.act({ pack, state, availableMoves, openDecisions, random })) apply(entry.by, entry.command, true);
    if (state.phase !== 'running' || state.clock.now >= end) break;
    // A refused advance (trigger-loop: the clock is stuck) would repeat for ever: end the run there.
    if (!apply('system', { type: 'clock.advance', to: nextStop(state.clock.now, end) }, false)) break;
  }
  if (state.phase === 'running') apply('system', { type: 'run.end' }, false);
  for (const entry of policy.after(pack)) apply(entry.by, entry.command, true);
  return {
    header, log, state, script,
    fired: pack.injects.map((i) => i.id).filter((id) => state.fired[id] !== undefined),
    opened: Object.keys(state.decisions),
  };
}
