/** The messages between the main thread and the pack-loading worker. */
import type { PackLoadProgress, PackLoadResult } from '../../shared/packs';

/** Load the pack at `path`. */
export type WorkerRequest = { readonly id: number; readonly path: string };

/** How far request `id` has got, or its result (the last message about it). */
export type WorkerReply =
  | { readonly id: number; readonly progress: PackLoadProgress }
  | { readonly id: number; readonly result: PackLoadResult };
