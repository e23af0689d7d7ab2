import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './src/shared/csp';

const __dirname = dirname(fileURLToPath(import.meta.url));

/**
 * Three bundles: main (ESM, Node), preload (CommonJS, because a sandboxed
 * preload cannot load ES modules) and the renderer (browser). The main build
 * has three entries: the app (`index.js`), the pack-loading worker thread
 * (`pack-worker.js`) and the `vaim` CLI (`cli.js`, run by src/cli/vaim.mjs on
 * plain Node), so the CLI runs the same built code as the app. The renderer's
 * index.html gets the strict Content-Security-Policy injected at build time;
 * the dev server gets a variant that lets Vite's HMR socket connect.
 */
export default defineConfig(({ command }) => ({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          'pack-worker': resolve(__dirname, 'src/main/packs/load-worker.ts'),
          cli: resolve(__dirname, 'src/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      assetsInlineLimit: 0,
      minify: true,
    },
    plugins: [
      react(),
      {
        name: 'vaim-csp',
        transformIndexHtml: (html: string) =>
          html.replace('%CSP%', contentSecurityPolicy(command === 'serve' ? 'development' : 'production')),
      },
    ],
  },
}));
