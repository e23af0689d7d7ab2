import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    globals: true,
    // Vitest's default is one worker fewer than the cores: one worker on a
    // two-core machine. Tests are CPU-bound and independent, so use them all.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{engine,shared,main,cli,lint}/**/*.test.ts'],
          exclude: ['test/main/electron/**'],
          testTimeout: 30_000,
          // These files share no mocks or globals, so a worker keeps its
          // module cache between them: the import phase drops from ~50 s to
          // ~10 s. Files that mock a module run isolated, below.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The Electron adapters, with `electron` mocked per file.
          name: 'unit:electron',
          environment: 'node',
          include: ['test/main/electron/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
