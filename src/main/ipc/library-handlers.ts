/** IPC handlers for the pack library. */
import type { LibraryEntry, PackImportOptions, PackImportResult, PackRemoveResult } from '../../shared/library';
import type { LoadedPack } from '../../shared/packs';
import type { Platform } from '../platform/platform';
import { IpcFailure, type Handlers } from './dispatcher';

/** What the handlers need of the pack library. */
export type LibraryPort = {
  readonly list: () => Promise<readonly LibraryEntry[]>;
  readonly get: (packId: string) => Promise<LoadedPack | undefined>;
  readonly import: (sourcePath: string, options?: PackImportOptions) => Promise<PackImportResult>;
  readonly remove: (packId: string) => Promise<PackRemoveResult>;
};

type LibraryHandlers = Pick<Handlers, 'listPacks' | 'getPack' | 'choosePackSource' | 'importPack' | 'removePack'>;

/** Builds the library handlers. */
export function createLibraryHandlers(library: LibraryPort, platform: Platform): LibraryHandlers {
  return {
    listPacks: () => library.list(),
    getPack: async (packId) => {
      const loaded = await library.get(packId);
      if (!loaded) throw new IpcFailure('not-found', `No valid pack with the id "${packId}" is in the library.`);
      return loaded;
    },
    choosePackSource: (kind) => platform.chooseOpenPath(kind === 'folder' ? 'pack-folder' : 'pack-file'),
    importPack: (path, options) => library.import(path, options),
    removePack: (packId) => library.remove(packId),
  };
}
