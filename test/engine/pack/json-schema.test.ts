import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaText } from '../../../src/cli/commands/schema';
import { packJsonSchema, PACK_SCHEMA_ID } from '../../../src/engine/pack/json-schema';
import { validatePack } from '../../../src/engine/pack/validate';
import { assemblePack } from '../../../src/main/packs/assemble';
import { readPackFolder } from '../../../src/main/packs/read-folder';
import { minimalPackInput } from './minimal-pack';

const RESOURCE = fileURLToPath(new URL('../../../resources/pack.schema.json', import.meta.url));
const FLAGSHIP = fileURLToPath(new URL('../../../scenarios/biased-hiring', import.meta.url));

type Schema = Record<string, unknown> & { $defs: Record<string, unknown>; properties: Record<string, Record<string, unknown>> };
const schema = packJsonSchema() as Schema;

/** The flagship pack's files merged, exactly as authors wrote them (before the schema parses them). */
async function flagshipInput(): Promise<unknown> {
  const origin = { kind: 'folder', path: FLAGSHIP } as const;
  const read = await readPackFolder(FLAGSHIP, origin);
  const { assembled, issues } = assemblePack(read.files, 'pack.yaml', origin);
  if (!assembled) throw new Error(JSON.stringify(issues));
  return assembled.value;
}

function validator() {
  // allowUnionTypes: `type: ["number", "boolean", "string"]` is valid JSON Schema; strict mode flags it by default.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false });
  return ajv.compile(schema);
}

describe('the pack JSON Schema', () => {
  it('is committed in resources/ exactly as generated (run `npm run schema` after changing the format)', () => {
    expect(readFileSync(RESOURCE, 'utf8')).toBe(schemaText());
  });

  it('identifies itself and describes the pack', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(PACK_SCHEMA_ID);
    expect(schema.title).toBe('V-AIM scenario pack (format 2)');
    expect(typeof schema.description).toBe('string');
  });

  it('describes recursive conditions through named $defs', () => {
    expect(Object.keys(schema.$defs).sort()).toEqual(['Condition', 'Duration', 'Effect']);
    const condition = schema.$defs.Condition as { anyOf: Array<{ properties: Record<string, unknown> }> };
    const all = condition.anyOf.find((branch) => 'all' in branch.properties);
    expect(all?.properties.all).toMatchObject({ type: 'array', items: { $ref: '#/$defs/Condition' } });
    const injects = schema.properties.injects as { items: { properties: Record<string, unknown> } };
    expect(injects.items.properties.when).toMatchObject({ $ref: '#/$defs/Condition' });
    expect(injects.items.properties.at).toMatchObject({ $ref: '#/$defs/Duration', description: 'Timed: fires at this scenario time' });
  });

  it('accepts the loader’s include key, which the engine never sees', () => {
    expect(schema.properties.include).toMatchObject({ type: 'array' });
  });

  it('accepts the minimal and flagship packs with a real validator', async () => {
    const validate = validator();
    expect(validate(minimalPackInput()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(await flagshipInput()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the schema forbids', () => {
    const validate = validator();
    const pack = minimalPackInput();
    pack.injects[2].when = { vars: 'model-live', eq: true };
    expect(validate(pack)).toBe(false);
    const durations = minimalPackInput();
    durations.clock.end = '8 hours';
    expect(validate(durations)).toBe(false);
    // An editor refuses an empty or blank duration, as the validator does.
    for (const blank of ['', '   ']) {
      const empty = minimalPackInput();
      empty.clock.end = blank;
      expect(validate(empty), JSON.stringify(blank)).toBe(false);
      expect(validatePack(empty).ok, JSON.stringify(blank)).toBe(false);
    }
    for (const fine of [90, '90m', ' 1d 2h 30m ', '72h']) {
      const ok = minimalPackInput();
      ok.clock.end = fine;
      expect(validate(ok), String(fine)).toBe(true);
    }
    expect(validate(parse('format: 1'))).toBe(false);
  });
});
