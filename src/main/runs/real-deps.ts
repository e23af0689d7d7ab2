/** The production wiring of RunDeps: the real engine, pack snapshot loader and scoring. */
import { applyCommand, createRun, ENGINE_VERSION, err, ok, replay, score } from '../../engine';
import { formatIssue } from '../../shared/packs';
import { loadPackSnapshot } from '../packs/index';
import type { RunDeps } from './run-deps';

/** The real engine, snapshot loader and scoring. */
export const realRunDeps: RunDeps = {
  engineVersion: ENGINE_VERSION,
  createRun,
  applyCommand,
  replay,
  loadSnapshot: (json) => {
    const loaded = loadPackSnapshot(json);
    if (!loaded.ok) {
      const errors = loaded.error.issues.filter((issue) => issue.severity === 'error');
      const shown = errors.slice(0, 3).map(formatIssue).join('; ');
      return err(errors.length > 3 ? `${shown} (and ${errors.length - 3} more problems)` : shown || 'invalid pack snapshot');
    }
    const { pack, attachments, hash } = loaded.value;
    // The stored hash must be the content's: a snapshot edited on disk must not pass as the pack the run was recorded with.
    const stored = typeof json === 'object' && json !== null ? (json as { hash?: unknown }).hash : undefined;
    if (stored !== undefined && stored !== hash) return err(`its content hash is ${hash}, but it says ${String(stored)}: the snapshot was altered`);
    return ok({ pack, snapshot: { pack, attachments, hash } });
  },
  score: (pack, header, log) => {
    const report = score(pack, header, log);
    return { total: report.total, max: report.max };
  },
};
