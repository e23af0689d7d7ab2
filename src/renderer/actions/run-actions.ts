/**
 * The run screen's keyboard actions, in one registry (label, shortcut test,
 * enabled predicate, perform) that the key handler and the help list read.
 */
import type { Command } from '../../engine';
import type { ActiveRun } from '../store/run-slice';

export type RunAction = {
  readonly id: string;
  readonly label: string;
  /** Shown in help and aria-keyshortcuts. */
  readonly shortcut: string;
  readonly matches: (event: KeyboardEvent) => boolean;
  readonly enabled: (run: ActiveRun) => boolean;
  readonly command: (run: ActiveRun) => Command;
};

const plainKey = (key: string) => (event: KeyboardEvent) =>
  event.key.toLowerCase() === key && !event.ctrlKey && !event.metaKey && !event.altKey;

const running = (run: ActiveRun) => run.state.phase === 'running';

export const RUN_ACTIONS: readonly RunAction[] = [
  {
    id: 'toggle-pause',
    label: 'Pause or resume the clock',
    shortcut: 'P',
    matches: plainKey('p'),
    enabled: running,
    command: (run) => ({ type: run.state.clock.paused ? 'clock.resume' : 'clock.pause' }),
  },
  {
    id: 'jump-next',
    label: 'Jump to the next event',
    shortcut: 'J',
    matches: plainKey('j'),
    enabled: running,
    command: () => ({ type: 'clock.jumpToNext' }),
  },
];

/** True when a key press belongs to a text field or control, not to the shortcuts. */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
