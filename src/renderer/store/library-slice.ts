/** The scenario library: bundled and imported packs, import with conflict handling. */
import { castDraft } from 'immer';
import type { LibraryEntry, PackSummary } from '../../shared/library';
import type { LocatedIssue } from '../../shared/packs';
import type { PackSourceKind } from '../../shared/ipc';
import { call } from '../api';
import { errorText } from './errors';
import type { SliceCreator } from './store';

/** A failed import, shown until dismissed. */
export type ImportProblem = { readonly path: string; readonly issues: readonly LocatedIssue[]; readonly message?: string };
/** An import waiting for the user to confirm replacing a pack with the same id. */
export type ImportConflict = { readonly path: string; readonly existing: PackSummary };

export type LibrarySlice = {
  readonly library: readonly LibraryEntry[] | undefined;
  readonly libraryBusy: boolean;
  readonly importProblem: ImportProblem | undefined;
  readonly importConflict: ImportConflict | undefined;
  readonly loadLibrary: () => Promise<void>;
  readonly importPackFrom: (kind: PackSourceKind) => Promise<void>;
  readonly importPackPath: (path: string, replace: boolean) => Promise<void>;
  readonly resolveConflict: (replace: boolean) => Promise<void>;
  readonly dismissImportProblem: () => void;
  readonly removePack: (packId: string) => Promise<void>;
};

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => ({
  library: undefined,
  libraryBusy: false,
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
      const path = await call('choosePackSource', kind);
      if (path) await get().importPackPath(path, false);
    } catch (error) {
      get().notify('error', `Import failed: ${errorText(error)}`);
    }
  },
  importPackPath: async (path, replace) => {
    set((d) => {
      d.libraryBusy = true;
      d.importProblem = undefined;
    });
    try {
      const result = await call('importPack', path, { replace });
      if (result.ok) {
        get().notify('info', `${result.replaced ? 'Replaced' : 'Imported'} “${result.entry.summary.title}”.`);
        await get().loadLibrary();
      } else if (result.reason === 'conflict') {
        set((d) => void (d.importConflict = castDraft({ path, existing: result.conflict.existing })));
      } else if (result.reason === 'invalid') {
        set((d) => void (d.importProblem = castDraft({ path, issues: result.issues })));
      } else {
        set((d) => void (d.importProblem = { path, issues: [], message: result.message }));
      }
    } catch (error) {
      set((d) => void (d.importProblem = { path, issues: [], message: errorText(error) }));
    } finally {
      set((d) => void (d.libraryBusy = false));
    }
  },
  resolveConflict: async (replace) => {
    const conflict = get().importConflict;
    set((d) => void (d.importConflict = undefined));
    if (conflict && replace) await get().importPackPath(conflict.path, true);
  },
  dismissImportProblem: () => set((d) => void (d.importProblem = undefined)),
  removePack: async (packId) => {
    try {
      const result = await call('removePack', packId);
      if (!result.ok) get().notify('error', result.message);
      await get().loadLibrary();
    } catch (error) {
      get().notify('error', `The pack could not be removed: ${errorText(error)}`);
    }
  },
});
