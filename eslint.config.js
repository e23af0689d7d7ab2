// ESLint flat config. Besides code quality it enforces the layer boundaries
// of ARCHITECTURE.md: what each layer under src/ may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'http', 'https', 'net', 'worker_threads'];
const pattern = (group, message) => ({ group, message });

// `x as unknown as T` silences the type checker instead of telling it something true: not in the app's code.
const noDoubleCast = {
  selector: 'TSAsExpression > TSAsExpression.expression[typeAnnotation.type="TSUnknownKeyword"]',
  message: 'No `as unknown as`: type the value truthfully (a schema, a narrower type, or one `as` to a comparable type with a comment).',
};
// Branded ids and the scenario-minute unit are made by their one constructor or schema, never asserted into being.
const noBrandCast = {
  selector: 'TSAsExpression > TSTypeReference.typeAnnotation > Identifier.typeName[name=/^(SimMinutes|RunId|PackId|MoveId|DecisionId|InjectId|VariableId|ObligationId|OptionId|CriterionId|ReadinessId|TraceChoiceId|ActionItemId)$/]',
  message: 'No `as` to a branded id or to SimMinutes: make it with its schema or constructor (simMinutes(), toRunId(), the pack schema), which is where it is checked.',
};
const engineNoClass = { selector: 'ClassDeclaration', message: 'Engine data is plain JSON: no classes.' };
const baseSyntax = [
  { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
  { selector: 'TSEnumDeclaration', message: 'Use `as const` objects instead of enums.' },
];

// Outside the engine, code reaches it only through src/engine/index.ts, its public surface.
const engineSurface = pattern(['**/engine/**', '!**/engine/index', '!**/engine/index.ts'], 'Import the engine through its public surface (src/engine/index.ts), not by deep path.');

const noImportsOf = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...baseSyntax],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...baseSyntax, noDoubleCast, noBrandCast] },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      // An allow-list: the engine imports only its own modules (relative paths inside src/engine) and zod.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\.{1,2}/)', message: 'The engine imports only itself and zod: no npm package, Node module, platform or UI library.' },
            { group: ['**/shared/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**', '**/test/**', '**/node_modules/**', '**/scenarios/**'], message: 'The engine imports only itself (and zod).' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window', 'document', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'performance', 'require', 'crypto', 'navigator', 'fetch',
        { name: 'Date', message: 'Simulated time only: the engine never reads the wall clock (scenario time is a number; see time.ts).' },
        { name: 'Intl', message: 'The engine is locale-independent: formatting for people is plain arithmetic (see time.ts).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the run PRNG (engine/random.ts): runs must replay.' },
        { property: 'toLocaleString', message: 'The engine is locale-independent: toLocaleString depends on the machine.' },
        { property: 'toLocaleDateString', message: 'The engine is locale-independent.' },
        { property: 'toLocaleTimeString', message: 'The engine is locale-independent.' },
        { property: 'toLocaleLowerCase', message: 'The engine is locale-independent.' },
        { property: 'toLocaleUpperCase', message: 'The engine is locale-independent.' },
        { property: 'localeCompare', message: 'The engine is locale-independent: compare with < or a fixed order.' },
      ],
      'no-restricted-syntax': ['error', ...baseSyntax, noDoubleCast, noBrandCast, engineNoClass],
    },
  },
  {
    // The unit's one constructor.
    files: ['src/engine/sim-minutes.ts'],
    rules: { 'no-restricted-syntax': ['error', ...baseSyntax, noDoubleCast, engineNoClass] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      // shared is the cross-process contract: engine *types* only (a value import would pull the engine into preload).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            // (typescript-eslint skips every pattern for a type import that one allowing type imports matches, so this one names only the surface.)
            { regex: '(^|/)engine(/index(\\.ts)?)?$', message: 'shared imports only engine types (import type …).', allowTypeImports: true },
            { group: ['**/engine/**', '!**/engine/index', '!**/engine/index.ts'], message: 'Import the engine through its public surface (src/engine/index.ts), not by deep path.' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**'], message: 'shared imports only engine types and itself.' },
            { group: ['electron', 'react', 'react-dom', 'zustand', ...nodeBuiltins], message: 'shared is the cross-process contract: no platform code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: noImportsOf(
      pattern(['**/renderer/**', '**/preload/**', '**/cli/**'], 'main must not import renderer, preload or cli.'),
      pattern(['react', 'react-dom', 'zustand'], 'main has no UI libraries.'),
      engineSurface,
      pattern(['electron', '**/electron/**'], 'Only the thin adapters in src/main/electron/ touch Electron; the services stay runnable in plain Node.'),
    ),
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: noImportsOf(
      engineSurface,
      pattern(['**/renderer/**', '**/preload/**', '**/cli/**'], 'main must not import renderer, preload or cli.'),
      pattern(['react', 'react-dom', 'zustand'], 'main has no UI libraries.'),
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: noImportsOf(
      pattern(['**/engine/**', '**/main/**', '**/renderer/**', '**/cli/**'], 'preload imports only shared types.'),
      pattern(['react', 'react-dom', 'zustand', ...nodeBuiltins], 'preload exposes the IPC bridge and nothing else.'),
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noImportsOf(
        engineSurface,
        pattern(['**/main/**', '**/preload/**', '**/cli/**'], 'The renderer talks to main only through window.api (src/renderer/api.ts).'),
        pattern(['electron', ...nodeBuiltins], 'The renderer is sandboxed: no Node or Electron.'),
      ),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: noImportsOf(
      engineSurface,
      pattern(['**/renderer/**', '**/preload/**'], 'The CLI runs on Node without a UI.'),
      pattern(['electron', 'react', 'react-dom', 'zustand'], 'The CLI runs on Node without Electron.'),
    ),
  },
  {
    files: ['*.config.{js,ts}', 'test/vitest.config.ts', 'test/vitest.long.config.ts', 'electron.vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/cli/*.mjs', 'src/main/web/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
