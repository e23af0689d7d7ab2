/** The library's filter and sort order (kept while the user moves between screens). */
import { type LibraryFilter, NO_FILTER } from '../lib/library-view';
import type { SliceCreator } from './store';

export type LibraryFilterSlice = {
  readonly libraryFilter: LibraryFilter;
  readonly setLibraryFilter: (change: Partial<LibraryFilter>) => void;
  readonly clearLibraryFilter: () => void;
};

export const createLibraryFilterSlice: SliceCreator<LibraryFilterSlice> = (set) => ({
  libraryFilter: NO_FILTER,
  setLibraryFilter: (change) => set((d) => void (d.libraryFilter = { ...d.libraryFilter, ...change })),
  clearLibraryFilter: () => set((d) => void (d.libraryFilter = { ...NO_FILTER, sort: d.libraryFilter.sort })),
});
