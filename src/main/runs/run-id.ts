/** Run ids: generated here (never by the engine) and checked on every API that receives one. */
import { randomUUID } from 'node:crypto';
import { RUN_ID_PATTERN } from '../../shared/runs';

/** True when `value` is a safe run id (`^[A-Za-z0-9_-]{1,64}$`): no path separators, no dots. */
export function isRunId(value: unknown): value is string {
  return typeof value === 'string' && RUN_ID_PATTERN.test(value);
}

/**
 * A new run id that sorts by creation time: `20270506T101502Z-3f9a1c2b`
 * (UTC second, then 8 random hex digits so ids made in the same second differ).
 */
export function newRunId(wallNow: Date = new Date()): string {
  const stamp = wallNow.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomUUID().slice(0, 8)}`;
}
