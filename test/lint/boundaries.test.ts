/**
 * The layer boundaries are enforced by ESLint: wrong-way imports and
 * non-deterministic calls in the engine fail lint.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it.each([
    ['the engine importing the renderer', "import { App } from '../renderer/App';\nexport const x = App;\n", 'src/engine/bad.ts', /no-restricted-imports/],
    ['the engine importing node fs', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src/engine/bad.ts', /no-restricted-imports/],
    ['the engine importing electron', "import { app } from 'electron';\nexport const x = app;\n", 'src/engine/bad.ts', /no-restricted-imports/],
    ['shared importing main', "import { createServices } from '../main/services';\nexport const x = createServices;\n", 'src/shared/bad.ts', /no-restricted-imports/],
    ['the renderer importing main', "import { createServices } from '../main/services';\nexport const x = createServices;\n", 'src/renderer/bad.ts', /no-restricted-imports/],
    ['the renderer importing node', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n", 'src/renderer/bad.ts', /no-restricted-imports/],
    ['a main service importing electron', "import { app } from 'electron';\nexport const x = app;\n", 'src/main/runs/bad.ts', /no-restricted-imports/],
    ['preload importing the engine', "import { ENGINE_VERSION } from '../engine/types';\nexport const x = ENGINE_VERSION;\n", 'src/preload/bad.ts', /no-restricted-imports/],
    ['the CLI importing electron', "import { app } from 'electron';\nexport const x = app;\n", 'src/cli/bad.ts', /no-restricted-imports/],
    ['Math.random in the engine', 'export const roll = () => Math.random();\n', 'src/engine/bad.ts', /no-restricted-properties.*PRNG/],
    ['Date.now in the engine', 'export const now = () => Date.now();\n', 'src/engine/bad.ts', /no-restricted-globals.*wall clock/],
    ['new Date in the engine', 'export const now = () => new Date();\n', 'src/engine/bad.ts', /no-restricted-globals.*wall clock/],
    ['Date() called as a function in the engine', 'export const now = () => Date();\n', 'src/engine/bad.ts', /no-restricted-globals.*wall clock/],
    ['Date.parse in the engine', "export const t = () => Date.parse('2030-01-01');\n", 'src/engine/bad.ts', /no-restricted-globals.*wall clock/],
    ['Intl.DateTimeFormat in the engine', 'export const f = () => new Intl.DateTimeFormat().format();\n', 'src/engine/bad.ts', /no-restricted-globals.*locale/],
    ['toLocaleString in the engine', 'export const f = (n: number) => n.toLocaleString();\n', 'src/engine/bad.ts', /no-restricted-properties.*locale/],
    ['localeCompare in the engine', "export const f = (a: string) => a.localeCompare('b');\n", 'src/engine/bad.ts', /no-restricted-properties.*locale/],
    ['performance.now in the engine', 'export const f = () => performance.now();\n', 'src/engine/bad.ts', /no-restricted-globals/],
    ['the engine importing js-yaml (any npm package but zod)', "import { load } from 'js-yaml';\nexport const x = load;\n", 'src/engine/bad.ts', /no-restricted-imports.*only itself and zod/],
    ['the engine importing marked', "import { marked } from 'marked';\nexport const x = marked;\n", 'src/engine/bad.ts', /no-restricted-imports.*only itself and zod/],
    ['the engine importing a scoped package', "import { x } from '@scope/pkg';\nexport const y = x;\n", 'src/engine/bad.ts', /no-restricted-imports.*only itself and zod/],
    ['shared importing an engine value', "import { applyCommand } from '../engine';\nexport const x = applyCommand;\n", 'src/shared/bad.ts', /no-restricted-imports.*engine types/],
    ['shared importing an engine value by deep path', "import { ENGINE_VERSION } from '../engine/types';\nexport const x = ENGINE_VERSION;\n", 'src/shared/bad.ts', /no-restricted-imports.*public surface/],
    ['the renderer importing an engine internal by deep path', "import { assertNever } from '../../engine/result';\nexport const x = assertNever;\n", 'src/renderer/screens/bad.ts', /no-restricted-imports.*public surface/],
    ['main importing an engine internal by deep path', "import { moveMake } from '../../engine/commands/move-make';\nexport const x = moveMake;\n", 'src/main/runs/bad.ts', /no-restricted-imports.*public surface/],
    ['the CLI importing an engine internal by deep path', "import { loose } from '../engine/pack/loose';\nexport const x = loose;\n", 'src/cli/bad.ts', /no-restricted-imports.*public surface/],
    ['shared importing engine types by deep path', "import type { RunState } from '../engine/types';\nexport type S = RunState;\n", 'src/shared/bad.ts', /no-restricted-imports.*public surface/],
    ['`as unknown as` in the app', 'export const f = (x: string): number => x as unknown as number;\n', 'src/main/bad.ts', /no-restricted-syntax.*as unknown as/],
    ['`as unknown as` in the engine', 'export const f = (x: string): number => x as unknown as number;\n', 'src/engine/bad.ts', /no-restricted-syntax.*as unknown as/],
    ['`as SimMinutes` in the renderer', "import type { SimMinutes } from '../engine';\nexport const f = (n: number): SimMinutes => n as SimMinutes;\n", 'src/renderer/bad.ts', /no-restricted-syntax.*SimMinutes/],
    ['`as SimMinutes` in the engine outside its constructor', "import type { SimMinutes } from './sim-minutes';\nexport const f = (n: number): SimMinutes => n as SimMinutes;\n", 'src/engine/bad.ts', /no-restricted-syntax.*SimMinutes/],
    ['`as RunId` in main', "import type { RunId } from '../engine';\nexport const f = (s: string): RunId => s as RunId;\n", 'src/main/bad.ts', /no-restricted-syntax.*branded id/],
    ['`as MoveId` in the CLI', "import type { MoveId } from '../engine';\nexport const f = (s: string): MoveId => s as MoveId;\n", 'src/cli/bad.ts', /no-restricted-syntax.*branded id/],
    ['setTimeout in the engine', 'export const later = (f: () => void) => setTimeout(f, 1);\n', 'src/engine/bad.ts', /no-restricted-globals/],
  ])('fails lint for %s', async (_label, code, filePath, expected) => {
    const messages = await ruleIds(code, filePath);
    expect(messages.join('\n')).toMatch(expected);
  });

  it.each([
    ['the engine importing zod and itself', "import { z } from 'zod';\nimport type { RunState } from './types';\nexport const s = z.string();\nexport type S = RunState;\n", 'src/engine/ok.ts'],
    ['the unit\'s one constructor casting a number to SimMinutes', "declare const b: unique symbol;\nexport type SimMinutes = number & { readonly [b]: 'SimMinutes' };\nexport const simMinutes = (n: number): SimMinutes => n as SimMinutes;\n", 'src/engine/sim-minutes.ts'],
    ['shared importing engine types', "import type { RunState } from '../engine';\nexport type S = RunState;\n", 'src/shared/ok.ts'],
    ['the renderer importing the engine and shared', "import { ENGINE_VERSION } from '../engine';\nimport type { AppInfo } from '../shared/app';\nexport const v: number = ENGINE_VERSION;\nexport type A = AppInfo;\n", 'src/renderer/ok.ts'],
    ['the renderer importing the engine through its index file', "import { ENGINE_VERSION } from '../../engine/index';\nexport const v: number = ENGINE_VERSION;\n", 'src/renderer/screens/ok.ts'],
    ['one `as` to a comparable type', 'export const f = (x: unknown): number => x as number;\n', 'src/main/ok.ts'],
    ['an Electron adapter importing electron', "import { app } from 'electron';\nexport const x = app;\n", 'src/main/electron/ok.ts'],
  ])('allows %s', async (_label, code, filePath) => {
    expect(await ruleIds(code, filePath)).toEqual([]);
  });
});

describe('builds never write into src/', () => {
  it('every project emits only under .tsbuild/, and nothing at all when it fails', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const base = JSON.parse(await readFile(join(cwd, 'src/tsconfig.base.json'), 'utf8'));
    expect(base.compilerOptions.noEmitOnError).toBe(true);
    const layers = (await readdir(join(cwd, 'src'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const layer of layers) {
      const config = JSON.parse(await readFile(join(cwd, 'src', layer, 'tsconfig.json'), 'utf8'));
      expect(config.compilerOptions.outDir, layer).toBe(`../../.tsbuild/${layer}`);
    }
  });
});
