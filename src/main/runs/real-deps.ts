/** The production wiring of RunDeps: the real engine, pack snapshot loader and scoring. */
import { applyCommand, createRun, ENGINE_VERSION, replay } from '../../engine/index';
import { validatePack } from '../../engine/pack/validate';
import { score } from '../../engine/scoring/index';
import type { PackSnapshot } from '../../shared/runs';
import type { RunDeps } from './run-deps';

/** The real engine, snapshot loader and scoring. */
export const realRunDeps: RunDeps = {
  engineVersion: ENGINE_VERSION,
  createRun,
  applyCommand,
  replay,
  // TEMPORARY until src/main/packs lands: validates the pack of the snapshot only.
  loadSnapshot: (json) => {
    if (typeof json !== 'object' || json === null) return { ok: false, error: 'the pack snapshot is not an object' };
    const record = json as Record<string, unknown>;
    if (typeof record.hash !== 'string') return { ok: false, error: 'the pack snapshot has no hash' };
    const validated = validatePack(record.pack);
    if (!validated.ok) return { ok: false, error: validated.error.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    const snapshot = { pack: validated.value.pack, attachments: record.attachments, hash: record.hash } as PackSnapshot;
    return { ok: true, value: { pack: validated.value.pack, snapshot } };
  },
  score: (pack, header, log) => {
    const report = score(pack, header, log);
    return { total: report.total, max: report.max };
  },
};
