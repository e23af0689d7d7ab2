/**
 * What the renderer loads before its first screen shows: React, the store and
 * the engine's reducer — not zod. Zod is three fifths of a first chunk that
 * carries it (159 of 386 KB) and is needed only once a screen validates input,
 * so a module-level schema call in code the first chunk reaches (a constant
 * parsed at load, a schema defined beside a helper the router uses) is a
 * regression this test names, with the modules that pulled it in.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';

const RENDERER = fileURLToPath(new URL('../../src/renderer', import.meta.url));

/** The ids of the modules in the entry chunk of a production build of the renderer (nothing is written). */
async function firstChunkModules(): Promise<string[]> {
  const output = await build({
    root: RENDERER, base: './', logLevel: 'silent', configFile: false, plugins: [react()],
    build: { write: false, minify: false, rollupOptions: { input: { index: `${RENDERER}/index.html` } } },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const entry = outputs.flatMap((o) => o.output).find((c): c is Rollup.OutputChunk => c.type === 'chunk' && c.isEntry);
  if (!entry) throw new Error('the renderer build has no entry chunk');
  return Object.keys(entry.modules);
}

describe('the renderer\'s first chunk', () => {
  it('loads no zod, and no library of a later screen (Markdown, QR codes)', { timeout: 120_000 }, async () => {
    const modules = await firstChunkModules();
    const heavy = modules.filter((id) => /node_modules\/(zod|marked|dompurify|isomorphic-dompurify|qrcode[^/]*)\//.test(id));
    expect(heavy.map((id) => id.replace(/.*node_modules\//, ''))).toEqual([]);
    // The reducer itself is there: the first screen follows a run through it.
    expect(modules.some((id) => id.endsWith('src/engine/apply-command.ts'))).toBe(true);
  });
});
