/**
 * IPC handlers for the pack library. Importing reads only what the user
 * picked in the native dialog: main keeps the picked path and gives the
 * renderer an opaque handle for it, so no renderer (compromised or not) can
 * make main read a path of its own choosing.
 */
import type { PackId } from '../../engine';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { EventName, IpcEvents } from '../../shared/ipc';
import type { LibraryEntry, PackImportOptions, PackImportResult, PackRemoveResult } from '../../shared/library';
import type { LoadedPack } from '../../shared/packs';
import type { ImportProgress } from '../library/pack-library';
import type { Platform } from '../platform/platform';
import { IpcFailure, type Handlers } from './dispatcher';

/** What the handlers need of the pack library. */
export type LibraryPort = {
  readonly list: () => Promise<readonly LibraryEntry[]>;
  readonly get: (packId: PackId) => Promise<LoadedPack | undefined>;
  readonly import: (sourcePath: string, options?: PackImportOptions, onProgress?: ImportProgress) => Promise<PackImportResult>;
  readonly remove: (packId: PackId) => Promise<PackRemoveResult>;
};

type LibraryHandlers = Pick<Handlers, 'listPacks' | 'getPack' | 'choosePackSource' | 'importPack' | 'removePack'>;

/** Picked sources remembered at most (the oldest is forgotten first). */
const MAX_CHOICES = 8;

/** Builds the library handlers; `broadcast` carries import progress to the views. */
export function createLibraryHandlers(
  library: LibraryPort,
  platform: Platform,
  broadcast: <E extends EventName>(event: E, payload: IpcEvents[E]) => void,
): LibraryHandlers {
  const chosen = new Map<string, string>();
  return {
    listPacks: () => library.list(),
    getPack: async (packId) => {
      const loaded = await library.get(packId);
      if (!loaded) throw new IpcFailure('not-found', `No valid pack with the id "${packId}" is in the library.`);
      return loaded;
    },
    choosePackSource: async (kind) => {
      const path = await platform.chooseOpenPath(kind === 'folder' ? 'pack-folder' : 'pack-file');
      if (path === null) return null;
      const handle = randomUUID();
      chosen.set(handle, path);
      for (const old of chosen.keys()) if (chosen.size > MAX_CHOICES) chosen.delete(old);
      return { handle, name: basename(path) || path };
    },
    importPack: async (handle, options) => {
      const path = chosen.get(handle);
      if (path === undefined) throw new IpcFailure('not-found', 'This import is no longer available: choose the pack again.');
      const result = await library.import(path, options, (stage, step) => broadcast('packImportProgress', { handle, stage, ...(step ? { step } : {}) }));
      // A conflict is answered by importing the same choice again (replace: true); anything else ends it.
      if (result.ok || result.error.reason !== 'conflict') chosen.delete(handle);
      return result;
    },
    removePack: (packId) => library.remove(packId),
  };
}
