/**
 * IPC handlers for runs: sessions, history, exports. Session events are
 * relayed to every view as `runEvent` while a run is live.
 */
import type { RunId } from '../../engine';
import { writeFile } from 'node:fs/promises';
import { buildDebrief } from '../../engine';
import type { EventName, IpcEvents, ReportFormat } from '../../shared/ipc';
import type { RunError, RunResult } from '../../shared/runs';
import type { Platform } from '../platform/platform';
import { renderReport } from '../report';
import type { SessionManager } from '../sessions/session-manager';
import { createPromptBroker, type PromptBroker } from '../sessions/unsaved-guard';
import { IpcFailure, type Handlers } from './dispatcher';

type RunHandlers = Pick<
  Handlers,
  'listRuns' | 'createRun' | 'openRun' | 'closeRun' | 'submitCommand' | 'deleteRun' | 'exportRun' | 'importRun' | 'exportReport' | 'openPresenter' | 'answerUnsavedPrompt'
>;

/** Unwraps a RunResult or raises it as an IPC failure with its message. */
function unwrap<T>(result: RunResult<T>): T {
  if (result.ok) return result.value;
  throw new IpcFailure(codeOf(result.error), result.error.seq ? `${result.error.message} (entry ${result.error.seq})` : result.error.message);
}

function codeOf(error: RunError): 'not-found' | 'invalid-arguments' | 'failed' {
  if (error.code === 'not-found') return 'not-found';
  if (error.code === 'invalid-id' || error.code === 'invalid-input') return 'invalid-arguments';
  return 'failed';
}

const EXTENSIONS: Record<ReportFormat, string> = { html: 'html', pdf: 'pdf', md: 'md', json: 'json' };

/** Builds the run handlers over the session manager. */
export function createRunHandlers(options: {
  readonly sessions: SessionManager;
  readonly platform: Platform;
  readonly broadcast: <E extends EventName>(event: E, payload: IpcEvents[E]) => void;
  /** Carries the unsaved-entries question to the views (the Electron shell passes one with a native fallback). */
  readonly unsavedPrompts?: PromptBroker;
}): RunHandlers & { readonly dispose: () => void; readonly unsavedPrompts: PromptBroker } {
  const { sessions, platform, broadcast } = options;
  const unsavedPrompts =
    options.unsavedPrompts ??
    createPromptBroker({
      send: (prompt) => {
        broadcast('unsavedPrompt', prompt);
        return true;
      },
      fallback: async () => 'cancel',
    });
  const relays = new Map<string, () => void>();

  const relay = (runId: RunId) => {
    if (relays.has(runId)) return;
    const subscription = sessions.subscribe(runId, (event) => {
      broadcast('runEvent', event);
      if (event.type === 'closed') {
        relays.get(runId)?.();
        relays.delete(runId);
      }
    });
    if (subscription.ok) relays.set(runId, subscription.value.unsubscribe);
  };

  const stamp = (runId: RunId) => runId.slice(0, 8);

  return {
    listRuns: () => sessions.listRuns(),
    createRun: async (request) => {
      const view = unwrap(await sessions.create(request));
      relay(view.runId);
      return { runId: view.runId };
    },
    openRun: async (runId) => {
      const view = unwrap(await sessions.open(runId));
      relay(runId);
      return view;
    },
    closeRun: async (runId, closeOptions) => {
      unwrap(await sessions.close(runId, closeOptions));
      relays.get(runId)?.();
      relays.delete(runId);
      return null;
    },
    submitCommand: (runId, request) => sessions.submit(runId, request),
    deleteRun: async (runId) => {
      unwrap(await sessions.deleteRun(runId));
      return null;
    },
    exportRun: async (runId) => {
      const path = await platform.chooseSavePath('run-file', `vaim-run-${stamp(runId)}.vaimrun.json`);
      if (!path) return null;
      const live = sessions.isLive(runId);
      unwrap(live ? await sessions.exportRunFromMemory(runId, path) : await sessions.exportRun(runId, path));
      return path;
    },
    importRun: async () => {
      const path = await platform.chooseOpenPath('run-file');
      if (!path) return null;
      return unwrap(await sessions.importRun(path));
    },
    exportReport: async (runId, format, audience = 'facilitator') => {
      const view = unwrap(await sessions.open(runId));
      relay(runId);
      // The participants' version carries no facilitator notes and no facilitator's guide.
      const debrief = buildDebrief(view.pack.pack, view.header, view.entries, {
        includeFacilitatorNotes: audience === 'facilitator' && view.header.mode === 'facilitated',
        ...(view.damage ? { partial: view.damage.message } : {}),
      });
      const shown = audience === 'participants' ? { ...debrief, notes: debrief.notes.filter((n) => n.by !== 'facilitator') } : debrief;
      const path = await platform.chooseSavePath(format, `vaim-report-${view.pack.pack.id}-${stamp(runId)}.${EXTENSIONS[format]}`);
      if (!path) return null;
      if (format === 'pdf') {
        await writeFile(path, await platform.htmlToPdf(renderReport(shown, 'html')));
      } else {
        await writeFile(path, renderReport(shown, format), 'utf8');
      }
      return path;
    },
    openPresenter: async (runId) => {
      unwrap(await sessions.open(runId));
      relay(runId);
      platform.openPresenter(runId);
      return null;
    },
    answerUnsavedPrompt: (promptId, choice) => {
      if (!unsavedPrompts.answer(promptId, choice)) throw new IpcFailure('not-found', 'That question is no longer waiting for an answer');
      return null;
    },
    unsavedPrompts,
    dispose: () => {
      for (const unsubscribe of relays.values()) unsubscribe();
      relays.clear();
      unsavedPrompts.cancelAll();
    },
  };
}
