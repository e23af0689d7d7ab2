/**
 * Quitting and closing the main window go through the unsaved-entries guard
 * (src/main/sessions/unsaved-guard.ts): the app quits, or the window closes,
 * only once nothing unsaved is left behind without the person's say. The
 * question is shown by the renderer; when no window can show it, by a native
 * message box (`nativeUnsavedPrompt`).
 */
import type { Dialog } from 'electron';
import type { UnsavedChoice, UnsavedPrompt } from '../../shared/runs';
import type { UnsavedGuard } from '../sessions/unsaved-guard';

/** What the adapter needs of Electron's event, app and window (tests pass fakes). */
type Preventable = { preventDefault(): void };
export type QuittingApp = { on(event: 'before-quit', listener: (event: Preventable) => void): unknown; quit(): void };
export type ClosingWindow = { on(event: 'close', listener: (event: Preventable) => void): unknown; close(): void; isDestroyed(): boolean };

/**
 * Holds `before-quit` until the guard agrees, then disposes the services and
 * quits for real. A second quit request while the question is open is ignored.
 */
export function guardQuit(options: { readonly app: QuittingApp; readonly guard: UnsavedGuard; readonly dispose: () => Promise<void>; readonly log?: (message: string) => void }): void {
  let state: 'idle' | 'asking' | 'quitting' = 'idle';
  options.app.on('before-quit', (event) => {
    if (state === 'quitting') return;
    event.preventDefault();
    if (state === 'asking') return;
    state = 'asking';
    void options.guard
      .confirm('quit')
      .then(async (allowed) => {
        if (!allowed) {
          state = 'idle';
          return;
        }
        await options.dispose();
        state = 'quitting';
        options.app.quit();
      })
      .catch((error: unknown) => {
        // Never quit on a failure of the guard itself: staying open keeps the entries.
        state = 'idle';
        options.log?.(`The quit check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      });
  });
}

/** Holds the main window's `close` until the guard agrees (it closes at once when nothing is unsaved). */
export function guardWindowClose(window: ClosingWindow, guard: UnsavedGuard): void {
  let state: 'idle' | 'asking' | 'closing' = 'idle';
  window.on('close', (event) => {
    if (state === 'closing' || (state === 'idle' && guard.allSaved())) return;
    event.preventDefault();
    if (state === 'asking') return;
    state = 'asking';
    void guard.confirm('close-window').then(
      (allowed) => {
        state = allowed ? 'closing' : 'idle';
        if (allowed && !window.isDestroyed()) window.close();
      },
      () => {
        state = 'idle';
      },
    );
  });
}

const BUTTONS: readonly { readonly label: string; readonly choice: UnsavedChoice }[] = [
  { label: 'Export them…', choice: 'export' },
  { label: 'Try saving again', choice: 'retry' },
  { label: 'Discard them', choice: 'discard' },
  { label: 'Cancel', choice: 'cancel' },
];

/** The question as a native message box (when no window can show it). */
export function nativeUnsavedPrompt(dialog: Pick<Dialog, 'showMessageBox'>): (prompt: UnsavedPrompt) => Promise<UnsavedChoice> {
  return async (prompt) => {
    const lines = prompt.runs.map((run) => `• ${run.title}: ${run.unsaved} ${run.unsaved === 1 ? 'entry' : 'entries'} not saved (${run.reason})`);
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Entries not saved',
      message: prompt.reason === 'quit' ? 'Some moves of a live run are not saved. Quit anyway?' : 'Some moves of a live run are not saved. Close the window anyway?',
      detail: [...lines, ...(prompt.note ? ['', prompt.note] : [])].join('\n'),
      buttons: BUTTONS.map((b) => b.label),
      defaultId: 0,
      cancelId: BUTTONS.length - 1,
      noLink: true,
    });
    return BUTTONS[response]?.choice ?? 'cancel';
  };
}
