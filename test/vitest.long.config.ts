/**
 * The long storage suite (`npm run test:long`; CI runs it after `npm test`):
 * the same crash, power-cut and model-based tests as the default suite, at
 * the full counts (VAIM_LONG_SUITE=1: 60 SIGKILLs with at least 10 inside
 * run creation, 250 power cuts, 10,000 generated interleavings per
 * property). Results go to test-results/vitest-long.json.
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    name: 'long',
    globals: true,
    environment: 'node',
    include: ['test/main/runs/{crash,power-cut,log-writer.model}.test.ts'],
    env: { VAIM_LONG_SUITE: '1' },
    testTimeout: 900_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-long.json' }]],
  },
});
