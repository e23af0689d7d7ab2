/** The minimal fixture pack, parsed, for tests that need a pack without a run. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { packSchema, type Pack } from '../../src/engine';

export function minimalPack(): Pack {
  const text = readFileSync(resolve(import.meta.dirname, '../fixtures/packs/minimal/pack.yaml'), 'utf8');
  return packSchema.parse(parse(text));
}
