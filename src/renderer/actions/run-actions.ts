/**
 * Every action of the run screen in one registry (as Excalidraw's actions):
 * label, shortcut, when it is offered and enabled, and what it does. The
 * buttons, the key handler and the shortcut help all read this list.
 */
import { nextStop, type Actor, type Command, type InjectId } from '../../engine';
import type { ActiveRun } from '../store/run-slice';

/** Panels an action can move the focus to. */
export type RunPanel = 'classify' | 'moves' | 'decisions' | 'note' | 'events';

/** What the run screen lends actions: where to move focus, which dialogs to open. */
export type RunUi = {
  readonly focusPanel: (panel: RunPanel) => void;
  readonly confirmEnd: () => void;
  readonly showShortcuts: () => void;
  readonly openPresenter: () => void;
  /** Facilitator: put an inject on hold (the clock stops before it) or lift the hold. */
  readonly toggleHold: (injectId: InjectId) => void;
};

/** Everything an action works with. */
export type RunActionContext = {
  readonly run: ActiveRun;
  /** Who clock and lifecycle commands are recorded as. */
  readonly by: Actor;
  readonly submit: (command: Command, by?: Actor) => Promise<boolean>;
  readonly ui: RunUi;
  /** Injects the facilitator has put on hold. */
  readonly holds: ReadonlySet<InjectId>;
};

export type RunActionId =
  | 'toggle-pause'
  | 'jump-next'
  | 'speed-up'
  | 'speed-down'
  | 'classify'
  | 'open-moves'
  | 'next-decision'
  | 'release-next'
  | 'note'
  | 'open-presenter'
  | 'end-run'
  | 'shortcuts';

export type RunAction = {
  readonly id: RunActionId;
  /** The button's words now (e.g. "Pause" or "Resume"). */
  readonly label: (run: ActiveRun) => string;
  /** What it does, for the shortcut help. */
  readonly description: string;
  /** Shown in help and `aria-keyshortcuts`. */
  readonly shortcut: string;
  readonly matches: (event: KeyboardEvent) => boolean;
  /** Offered at all in this run (e.g. releasing injects only in a facilitated run). */
  readonly offered: (run: ActiveRun) => boolean;
  readonly enabled: (ctx: RunActionContext) => boolean;
  readonly perform: (ctx: RunActionContext, argument?: string) => unknown;
};

/** Speeds offered, as multiples of the pack's designed speed. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

/** The speed factor of the run now (nearest offered). */
export function speedFactor(run: ActiveRun): number {
  const factor = run.state.clock.compression / run.pack.clock.compression;
  return SPEEDS.reduce((best, s) => (Math.abs(s - factor) < Math.abs(best - factor) ? s : best), 1);
}

/** The command that sets the speed to `factor` times the designed speed. */
export const speedCommand = (run: ActiveRun, factor: number): Command => ({ type: 'clock.setCompression', compression: run.pack.clock.compression * factor });

const plainKey =
  (...keys: string[]) =>
  (event: KeyboardEvent) =>
    keys.includes(event.key.toLowerCase()) && !event.ctrlKey && !event.metaKey && !event.altKey;

const always = () => true;
const isRunning = (run: ActiveRun) => run.state.phase === 'running';
const running = ({ run }: RunActionContext) => isRunning(run);
const facilitated = (run: ActiveRun) => run.header.mode === 'facilitated';
const atEnd = (run: ActiveRun) => run.state.clock.now >= run.state.clock.end;
const nextSpeed = (run: ActiveRun, step: 1 | -1) => SPEEDS[SPEEDS.indexOf(speedFactor(run) as (typeof SPEEDS)[number]) + step];

/** True when the jump's next scheduled stop is an inject on hold (the jump would deliver it). */
export function heldNext(run: ActiveRun, holds: ReadonlySet<InjectId>): boolean {
  if (holds.size === 0) return false;
  const stop = nextStop(run.state);
  if (!stop) return false;
  const reason = stop.reason;
  return (reason.kind === 'timed-inject' || reason.kind === 'delayed-inject') && holds.has(reason.injectId);
}

/** The inject the facilitator would release next: the earliest scheduled one not yet fired, else the first triggered one. */
export function nextReleasable(run: ActiveRun): InjectId | undefined {
  const { state, pack } = run;
  const waiting = pack.injects.filter((i) => state.fired[i.id] === undefined);
  const scheduled = waiting.filter((i) => state.schedule[i.id] !== undefined).sort((a, b) => state.schedule[a.id]! - state.schedule[b.id]!);
  return (scheduled[0] ?? waiting[0])?.id;
}

export const RUN_ACTIONS: readonly RunAction[] = [
  {
    id: 'toggle-pause',
    label: (run) => (run.state.clock.paused ? 'Resume' : 'Pause'),
    description: 'Pause or resume the clock',
    shortcut: 'P',
    matches: plainKey('p'),
    offered: always,
    enabled: running,
    perform: ({ run, by, submit }) => submit({ type: run.state.clock.paused ? 'clock.resume' : 'clock.pause' }, by),
  },
  {
    id: 'jump-next',
    label: () => 'Next event',
    description: 'Jump to the next event (stops at every inject, prompt and deadline)',
    shortcut: 'J',
    matches: plainKey('j'),
    offered: always,
    enabled: ({ run, holds }) => isRunning(run) && !atEnd(run) && !heldNext(run, holds),
    perform: ({ by, submit }) => submit({ type: 'clock.jumpToNext' }, by),
  },
  {
    id: 'speed-up',
    label: () => 'Faster',
    description: 'Run the clock twice as fast',
    shortcut: '+',
    matches: plainKey('+', '='),
    offered: always,
    enabled: ({ run }) => isRunning(run) && nextSpeed(run, 1) !== undefined,
    perform: ({ run, by, submit }) => {
      const next = nextSpeed(run, 1);
      return next === undefined ? undefined : submit(speedCommand(run, next), by);
    },
  },
  {
    id: 'speed-down',
    label: () => 'Slower',
    description: 'Run the clock half as fast',
    shortcut: '−',
    matches: plainKey('-', '_'),
    offered: always,
    enabled: ({ run }) => isRunning(run) && nextSpeed(run, -1) !== undefined,
    perform: ({ run, by, submit }) => {
      const next = nextSpeed(run, -1);
      return next === undefined ? undefined : submit(speedCommand(run, next), by);
    },
  },
  {
    id: 'next-decision',
    label: () => 'Open decision',
    description: 'Go to the decision that needs an answer first',
    shortcut: 'D',
    matches: plainKey('d'),
    offered: always,
    enabled: ({ run }) => Object.values(run.state.decisions).some((d) => d.status === 'open'),
    perform: ({ ui }) => ui.focusPanel('decisions'),
  },
  {
    id: 'classify',
    label: () => 'Classify',
    description: 'Go to the severity and R3AI classification',
    shortcut: 'C',
    matches: plainKey('c'),
    offered: always,
    enabled: running,
    perform: ({ ui }) => ui.focusPanel('classify'),
  },
  {
    id: 'open-moves',
    label: () => 'Moves',
    description: 'Go to the moves',
    shortcut: 'M',
    matches: plainKey('m'),
    offered: always,
    enabled: always,
    perform: ({ ui }) => ui.focusPanel('moves'),
  },
  {
    id: 'release-next',
    label: (run) => `Release “${run.pack.injects.find((i) => i.id === nextReleasable(run))?.title ?? 'next inject'}” now`,
    description: 'Release the next inject now (or the one chosen in the events list)',
    shortcut: 'R',
    matches: plainKey('r'),
    offered: facilitated,
    enabled: ({ run }) => isRunning(run) && nextReleasable(run) !== undefined,
    perform: ({ run, submit }, injectId) => {
      // The inject chosen in the events list is one of the pack's (its id as the pack spells it).
      const inject = injectId === undefined ? nextReleasable(run) : run.pack.injects.find((i) => i.id === injectId)?.id;
      return inject === undefined ? undefined : submit({ type: 'inject.release', inject }, 'facilitator');
    },
  },
  {
    id: 'note',
    label: () => 'Note',
    description: 'Write a private note, stamped with the scenario time',
    shortcut: 'N',
    matches: plainKey('n'),
    offered: facilitated,
    enabled: always,
    perform: ({ ui }) => ui.focusPanel('note'),
  },
  {
    id: 'open-presenter',
    label: () => 'Presenter window',
    description: 'Open the presenter window for the projector (never shows the answer key or notes)',
    shortcut: 'W',
    matches: plainKey('w'),
    offered: facilitated,
    enabled: always,
    perform: ({ ui }) => ui.openPresenter(),
  },
  {
    id: 'end-run',
    label: () => 'End run',
    description: 'End the run and open the debrief (asks first)',
    shortcut: 'E',
    matches: plainKey('e'),
    offered: always,
    enabled: running,
    perform: ({ ui }) => ui.confirmEnd(),
  },
  {
    id: 'shortcuts',
    label: () => 'Shortcuts',
    description: 'Show these keyboard shortcuts',
    shortcut: '?',
    matches: (event) => event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey,
    offered: always,
    enabled: always,
    perform: ({ ui }) => ui.showShortcuts(),
  },
];

/** The action with this id. */
export function runAction(id: RunActionId): RunAction {
  const action = RUN_ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`no run action ${id}`);
  return action;
}

/** True when a key press belongs to a text field or control, not to the shortcuts. */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}
