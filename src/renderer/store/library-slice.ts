/** The scenario library: bundled and imported packs, import with conflict handling. */
import type { PackId } from '../../engine';
import { castDraft } from 'immer';
import type { LibraryEntry, PackImportProgress, PackSourceChoice, PackSummary } from '../../shared/library';
import type { LocatedIssue } from '../../shared/packs';
import type { PackSourceKind } from '../../shared/ipc';
import { call, subscribe } from '../api';
import { errorText } from './errors';
import type { SliceCreator } from './store';

/** A failed import, shown until dismissed (`name`: the file or folder the user picked). */
export type ImportProblem = { readonly name: string; readonly issues: readonly LocatedIssue[]; readonly message?: string };
/** An import waiting for the user to confirm replacing a pack with the same id. */
export type ImportConflict = { readonly choice: PackSourceChoice; readonly existing: PackSummary };
/** The import under way: what was picked and how far it has got. */
export type ImportUnderWay = { readonly choice: PackSourceChoice; readonly progress?: PackImportProgress };

export type LibrarySlice = {
  readonly library: readonly LibraryEntry[] | undefined;
  readonly libraryBusy: boolean;
  readonly importing: ImportUnderWay | undefined;
  readonly importProblem: ImportProblem | undefined;
  readonly importConflict: ImportConflict | undefined;
  readonly loadLibrary: () => Promise<void>;
  readonly importPackFrom: (kind: PackSourceKind) => Promise<void>;
  readonly importChoice: (choice: PackSourceChoice, replace: boolean) => Promise<void>;
  readonly resolveConflict: (replace: boolean) => Promise<void>;
  readonly dismissImportProblem: () => void;
  readonly removePack: (packId: PackId) => Promise<void>;
};

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => ({
  library: undefined,
  libraryBusy: false,
  importing: undefined,
  importProblem: undefined,
  importConflict: undefined,
  loadLibrary: async () => {
    set((d) => void (d.libraryBusy = true));
    try {
      const entries = await call('listPacks');
      set((d) => {
        d.library = castDraft(entries);
      });
    } catch (error) {
      get().notify('error', `The library could not be read: ${errorText(error)}`);
    } finally {
      set((d) => void (d.libraryBusy = false));
    }
  },
  importPackFrom: async (kind) => {
    try {
      const choice = await call('choosePackSource', kind);
      if (choice) await get().importChoice(choice, false);
    } catch (error) {
      get().notify('error', `Import failed: ${errorText(error)}`);
    }
  },
  importChoice: async (choice, replace) => {
    const { name } = choice;
    set((d) => {
      d.libraryBusy = true;
      d.importProblem = undefined;
      d.importing = { choice };
    });
    // Main reports how far the import has got; only this import's reports count.
    const unsubscribe = subscribe('packImportProgress', (progress) => {
      if (progress.handle !== choice.handle) return;
      set((d) => void (d.importing = castDraft({ choice, progress })));
    });
    try {
      const result = await call('importPack', choice.handle, { replace });
      if (result.ok) {
        get().notify('info', `${result.value.replaced ? 'Replaced' : 'Imported'} “${result.value.entry.summary.title}”.`);
        await get().loadLibrary();
      } else {
        const failure = result.error;
        if (failure.reason === 'conflict') set((d) => void (d.importConflict = castDraft({ choice, existing: failure.existing })));
        else if (failure.reason === 'invalid') set((d) => void (d.importProblem = castDraft({ name, issues: failure.issues })));
        else set((d) => void (d.importProblem = { name, issues: [], message: failure.message }));
      }
    } catch (error) {
      set((d) => void (d.importProblem = { name, issues: [], message: errorText(error) }));
    } finally {
      unsubscribe();
      set((d) => {
        d.libraryBusy = false;
        d.importing = undefined;
      });
    }
  },
  resolveConflict: async (replace) => {
    const conflict = get().importConflict;
    set((d) => void (d.importConflict = undefined));
    if (conflict && replace) await get().importChoice(conflict.choice, true);
  },
  dismissImportProblem: () => set((d) => void (d.importProblem = undefined)),
  removePack: async (packId) => {
    try {
      const result = await call('removePack', packId);
      if (!result.ok) get().notify('error', result.error.message);
      await get().loadLibrary();
    } catch (error) {
      get().notify('error', `The pack could not be removed: ${errorText(error)}`);
    }
  },
});
