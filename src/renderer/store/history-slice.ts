/** History: every saved run, with delete, export and import. */
import type { RunId } from '../../engine';
import { castDraft } from 'immer';
import type { RunSummary } from '../../shared/runs';
import { call } from '../api';
import { errorText } from './errors';
import type { SliceCreator } from './store';

export type HistorySlice = {
  readonly runs: readonly RunSummary[] | undefined;
  readonly historyBusy: boolean;
  readonly loadRuns: () => Promise<void>;
  readonly deleteRun: (runId: RunId) => Promise<void>;
  readonly exportRun: (runId: RunId) => Promise<void>;
  readonly importRun: () => Promise<void>;
};

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  runs: undefined,
  historyBusy: false,
  loadRuns: async () => {
    set((d) => void (d.historyBusy = true));
    try {
      const runs = await call('listRuns');
      set((d) => void (d.runs = castDraft(runs)));
    } catch (error) {
      get().notify('error', `The history could not be read: ${errorText(error)}`);
    } finally {
      set((d) => void (d.historyBusy = false));
    }
  },
  deleteRun: async (runId) => {
    try {
      await call('deleteRun', runId);
      get().notify('info', 'The run was deleted.');
    } catch (error) {
      get().notify('error', `The run could not be deleted: ${errorText(error)}`);
    }
    await get().loadRuns();
  },
  exportRun: async (runId) => {
    try {
      const path = await call('exportRun', runId);
      if (path) get().notify('info', `Run saved to ${path}`);
    } catch (error) {
      get().notify('error', `The run could not be exported: ${errorText(error)}`);
    }
  },
  importRun: async () => {
    try {
      const imported = await call('importRun');
      if (!imported) return;
      get().notify('info', imported.renamed ? 'Run imported (it was given a new id because one with the same id exists).' : 'Run imported.');
      await get().loadRuns();
    } catch (error) {
      get().notify('error', `The run could not be imported: ${errorText(error)}`);
    }
  },
});
