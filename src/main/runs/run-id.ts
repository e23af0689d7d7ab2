/** Run ids: generated here (never by the engine for a stored run) and checked on every API that receives one. */
import { randomUUID } from 'node:crypto';
import { derivedRunId, type RunId } from '../../engine';

export { isRunId } from '../../engine';

/**
 * A new run id that sorts by creation time: `20270506T101502Z-3f9a1c2b`
 * (UTC second, then 8 random hex digits so ids made in the same second differ).
 */
export function newRunId(wallNow: Date = new Date()): RunId {
  const stamp = wallNow.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return derivedRunId(stamp, randomUUID().slice(0, 8));
}
