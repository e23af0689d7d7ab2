/**
 * "These entries are not saved": the question asked before the app quits or
 * its window closes (main sends an `unsavedPrompt`), and before the person
 * leaves a run whose entries the disk refused. Never silent: the only ways
 * on are exporting them, saving them (retry), or discarding them.
 */
import type { RunId } from '../../engine';
import type { UnsavedChoice, UnsavedPrompt, UnsavedRun } from '../../shared/runs';
import { assertNever } from '../../engine';
import { call } from '../api';
import { errorText } from './errors';
import type { Route } from './navigation-slice';
import type { SliceCreator } from './store';

/** The open question: from main (quit, window close) or about leaving the followed run. */
export type UnsavedQuestion =
  | { readonly kind: 'main'; readonly prompt: UnsavedPrompt }
  | { readonly kind: 'leave'; readonly run: UnsavedRun; readonly to: Route; readonly note?: string };

export type UnsavedSlice = {
  readonly unsavedQuestion: UnsavedQuestion | undefined;
  readonly askUnsaved: (prompt: UnsavedPrompt) => void;
  /** False (and the question is asked) when going to `to` would leave a run with unsaved entries. */
  readonly mayLeave: (to: Route) => boolean;
  readonly answerUnsaved: (choice: UnsavedChoice) => Promise<void>;
};

/** True when a route shows the run `runId` (moving between its screens is not leaving it). */
function showsRun(route: Route, runId: RunId): boolean {
  return 'runId' in route && route.runId === runId;
}

export const createUnsavedSlice: SliceCreator<UnsavedSlice> = (set, get) => {
  const leave = (to: Route) =>
    set((d) => {
      d.unsavedQuestion = undefined;
      d.route = to as never;
    });
  const askAgain = (note: string) =>
    set((d) => {
      if (d.unsavedQuestion?.kind === 'leave') d.unsavedQuestion = { ...d.unsavedQuestion, note } as never;
    });

  const answerLeave = async (question: Extract<UnsavedQuestion, { kind: 'leave' }>, choice: UnsavedChoice) => {
    const { runId } = question.run;
    try {
      switch (choice) {
        case 'cancel':
          set((d) => void (d.unsavedQuestion = undefined));
          return;
        case 'export': {
          // Exported from memory: every entry, saved or not. The run stays open, and keeps trying to save.
          const path = await call('exportRun', runId);
          if (!path) return askAgain('The export was cancelled; nothing was discarded.');
          get().notify('info', `Run saved to ${path}`);
          return leave(question.to);
        }
        case 'retry':
          // Closing saves first and is refused while anything is still unsaved.
          await call('closeRun', runId);
          get().leaveRun();
          return leave(question.to);
        case 'discard':
          await call('closeRun', runId, { discardUnsaved: true });
          get().leaveRun();
          return leave(question.to);
        default:
          return assertNever(choice);
      }
    } catch (error) {
      askAgain(`Still not saved: ${errorText(error)}`);
    }
  };

  return {
    unsavedQuestion: undefined,
    askUnsaved: (prompt) => set((d) => void (d.unsavedQuestion = { kind: 'main', prompt } as never)),
    mayLeave: (to) => {
      const run = get().run;
      if (!run || run.persistence.ok || run.persistence.unsaved === 0 || showsRun(to, run.runId)) return true;
      const title = run.header.title ? `${run.pack.title} — ${run.header.title}` : run.pack.title;
      const question: UnsavedQuestion = {
        kind: 'leave',
        to,
        run: { runId: run.runId, title, unsaved: run.persistence.unsaved, reason: run.persistence.reason, retrying: run.persistence.retrying },
      };
      set((d) => void (d.unsavedQuestion = question as never));
      return false;
    },
    answerUnsaved: async (choice) => {
      const question = get().unsavedQuestion;
      if (!question) return;
      if (question.kind === 'leave') return answerLeave(question, choice);
      set((d) => void (d.unsavedQuestion = undefined));
      try {
        await call('answerUnsavedPrompt', question.prompt.promptId, choice);
      } catch (error) {
        get().notify('error', `The answer did not reach the app: ${errorText(error)}`);
      }
    },
  };
};
