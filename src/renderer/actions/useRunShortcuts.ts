/**
 * The run screen's keyboard shortcuts, read from the registry. Single keys
 * (WCAG 2.1.4): ignored while typing or in a dialog, and they can be turned
 * off in the shortcut help (remembered on this computer).
 */
import { useEffect, useState } from 'react';
import { RUN_ACTIONS, typingInto, type RunActionContext } from './run-actions';

const STORAGE_KEY = 'vaim.singleKeyShortcuts';

/** Whether single-key shortcuts are on (default on), and a setter that remembers the choice. */
export function useShortcutsEnabled(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => readSetting());
  return [
    on,
    (next) => {
      setOn(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off');
      } catch {
        // Storage may be unavailable; the choice then lasts for this window.
      }
    },
  ];
}

function readSetting(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Listens for the shortcuts while the run screen is shown. */
export function useRunShortcuts(ctx: RunActionContext | undefined, enabled: boolean): void {
  useEffect(() => {
    if (!ctx || !enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingInto(event.target) || document.querySelector('[role="dialog"]')) return;
      const action = RUN_ACTIONS.find((a) => a.matches(event));
      if (!action || !action.offered(ctx.run) || !action.enabled(ctx)) return;
      event.preventDefault();
      void action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx, enabled]);
}
