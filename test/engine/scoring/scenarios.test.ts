/**
 * Every shipped pack in scenarios/: its reference response scores at least
 * 95 and a run that does nothing scores at most 15 (the self-check `vaim
 * validate` warns above it), for several seeds (jitter moves injects).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DO_NOTHING_WARN_SCORE, REFERENCE_MIN_SCORE, score } from '../../../src/engine/scoring';
import { loadPack } from '../../../src/main/packs/load-pack';
import { play } from './helpers';

const ROOT = new URL('../../../scenarios', import.meta.url).pathname;
const PACKS = readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isDirectory());

describe('shipped scenario packs', () => {
  it('exist', () => {
    expect(PACKS.length).toBeGreaterThan(0);
  });

  describe.each(PACKS)('%s', (name) => {
    it.each([1, 2, 7, 12345])(`reference ≥ ${REFERENCE_MIN_SCORE} and doing nothing ≤ ${DO_NOTHING_WARN_SCORE} (seed %i)`, async (seed) => {
      const loaded = await loadPack(join(ROOT, name));
      if (!loaded.ok) throw new Error(`${name} does not load: ${loaded.error.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; ')}`);
      const { pack } = loaded.value;
      const reference = play(pack, pack.reference.timeline, seed);
      const referenceReport = score(pack, reference.header, reference.log);
      const lost = referenceReport.lines.filter((l) => l.lost > 0).map((l) => `−${l.lost}: ${l.reason}`);
      expect(referenceReport.total, lost.join('\n')).toBeGreaterThanOrEqual(REFERENCE_MIN_SCORE);
      const idle = play(pack, [], seed);
      expect(score(pack, idle.header, idle.log).total).toBeLessThanOrEqual(DO_NOTHING_WARN_SCORE);
    });
  });
});
