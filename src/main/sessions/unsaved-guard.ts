/**
 * Quitting or closing the window never drops unsaved entries silently. When
 * a live run holds entries the disk refused, the person is asked — export
 * them, retry, or discard — and the app goes only once nothing is left
 * behind without their say. Plain Node: the Electron adapter
 * (src/main/electron/quit.ts) calls `confirm` from `before-quit` and the
 * window's `close`; the question travels to the renderer as an
 * `unsavedPrompt` event and comes back through `answerUnsavedPrompt`.
 */
import { assertNever } from '../../engine';
import { randomUUID } from 'node:crypto';
import type { UnsavedChoice, UnsavedPrompt, UnsavedReason, UnsavedRun } from '../../shared/runs';
import type { SessionManager } from './session-manager';

/** What the guard needs from the sessions. */
export type GuardedSessions = Pick<SessionManager, 'unsavedRuns' | 'unsavedCount' | 'closeAll' | 'exportRunFromMemory'>;

export type UnsavedGuardOptions = {
  readonly sessions: GuardedSessions;
  /** Shows the question to the person (a view, or a native dialog when no view can); resolves to their answer. */
  readonly ask: (prompt: UnsavedPrompt) => Promise<UnsavedChoice>;
  /** Where to export one run's entries (a save dialog); null when the person cancels. */
  readonly chooseExportPath: (run: UnsavedRun) => Promise<string | null>;
};

/** The guard. */
export type UnsavedGuard = {
  /**
   * Resolves to true when the app may quit (or the window close): nothing is
   * unsaved, or the person exported or discarded it; false when they
   * cancelled. Every live session is closed when it resolves true.
   */
  readonly confirm: (reason: UnsavedReason) => Promise<boolean>;
  /** True when no live run holds an unsaved entry right now (a window may close without asking). */
  readonly allSaved: () => boolean;
};

/** Creates the guard. */
export function createUnsavedGuard(options: UnsavedGuardOptions): UnsavedGuard {
  const { sessions } = options;
  /** Exports every run; false when one was cancelled or failed (the question is asked again). */
  const exportAll = async (runs: readonly UnsavedRun[]): Promise<{ ok: boolean; failure?: string }> => {
    for (const run of runs) {
      const path = await options.chooseExportPath(run);
      if (!path) return { ok: false };
      const saved = await sessions.exportRunFromMemory(run.runId, path);
      if (!saved.ok) return { ok: false, failure: `${run.title}: ${saved.error.message}` };
    }
    return { ok: true };
  };

  return {
    allSaved: () => sessions.unsavedCount() === 0,
    confirm: async (reason) => {
      let note: string | undefined;
      for (;;) {
        // unsavedRuns retries every session's writes first: "retry" is simply asking again.
        const runs = await sessions.unsavedRuns();
        if (runs.length === 0) {
          await sessions.closeAll();
          return true;
        }
        const choice = await options.ask({ promptId: randomUUID(), reason, runs, ...(note ? { note } : {}) });
        note = undefined;
        switch (choice) {
          case 'retry':
            continue;
          case 'cancel':
            return false;
          case 'discard':
            await sessions.closeAll({ discardUnsaved: true });
            return true;
          case 'export': {
            const exported = await exportAll(runs);
            if (!exported.ok) {
              note = exported.failure ? `The export failed: ${exported.failure}` : 'The export was cancelled; nothing was discarded.';
              continue;
            }
            // Every entry is in the exported files now; the run folders keep what reached them.
            await sessions.closeAll({ discardUnsaved: true });
            return true;
          }
          default:
            return assertNever(choice);
        }
      }
    },
  };
}

/**
 * Carries questions to the views and their answers back: `ask` pushes an
 * `unsavedPrompt` to the views (through `send`, which says whether any view
 * could show it) and waits for `answer` with the same prompt id. When no
 * view can show it, `fallback` asks instead (a native dialog).
 */
export function createPromptBroker(options: {
  readonly send: (prompt: UnsavedPrompt) => boolean;
  readonly fallback: (prompt: UnsavedPrompt) => Promise<UnsavedChoice>;
}) {
  const waiting = new Map<string, (choice: UnsavedChoice) => void>();
  return {
    ask: (prompt: UnsavedPrompt): Promise<UnsavedChoice> => {
      if (!options.send(prompt)) return options.fallback(prompt);
      return new Promise<UnsavedChoice>((resolve) => waiting.set(prompt.promptId, resolve));
    },
    /** An answer from a view; false when no question with that id is waiting (stale or forged). */
    answer: (promptId: string, choice: UnsavedChoice): boolean => {
      const resolve = waiting.get(promptId);
      if (!resolve) return false;
      waiting.delete(promptId);
      resolve(choice);
      return true;
    },
    /** Questions still waiting (e.g. the window that showed them closed): they are answered "cancel". */
    cancelAll: () => {
      for (const resolve of waiting.values()) resolve('cancel');
      waiting.clear();
    },
  };
}

/** The broker's type. */
export type PromptBroker = ReturnType<typeof createPromptBroker>;
