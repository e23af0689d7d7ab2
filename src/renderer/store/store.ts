/**
 * The one UI store: typed slices combined at the root with immer. Screens
 * read it through narrow selectors (`useStore((s) => s.x)`).
 */
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import type { Draft } from 'immer';
import { createAppSlice, type AppSlice } from './app-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createLibraryFilterSlice, type LibraryFilterSlice } from './library-filter-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createParticipantSlice, type ParticipantSlice } from './participant-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createUnsavedSlice, type UnsavedSlice } from './unsaved-slice';

/** The whole UI state. */
export type StoreState = AppSlice & NavigationSlice & LibrarySlice & LibraryFilterSlice & HistorySlice & RunSlice & UnsavedSlice & ParticipantSlice;

/** A slice creator in the immer-wrapped store. */
export type SliceCreator<T> = (
  set: (recipe: (draft: Draft<StoreState>) => void) => void,
  get: () => StoreState,
) => T;

const createRootState = (set: (recipe: (draft: Draft<StoreState>) => void) => void, get: () => StoreState): StoreState => ({
  ...createAppSlice(set, get),
  ...createNavigationSlice(set, get),
  ...createLibrarySlice(set, get),
  ...createLibraryFilterSlice(set, get),
  ...createHistorySlice(set, get),
  ...createRunSlice(set, get),
  ...createParticipantSlice(set, get),
  ...createUnsavedSlice(set, get),
});

/** The store hook. */
export const useStore = create<StoreState>()(immer((set, get) => createRootState(set, get)));

const initialState = useStore.getState();

/** Resets the store to its initial state (between tests). */
export function resetStore(): void {
  useStore.setState(initialState, true);
}
