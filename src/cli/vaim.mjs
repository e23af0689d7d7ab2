#!/usr/bin/env node
// Launcher for the `vaim` CLI. It runs the TypeScript sources through tsx so
// pack authors need no build step; the CLI itself lives in ./main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
