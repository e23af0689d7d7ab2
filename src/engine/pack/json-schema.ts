/**
 * The JSON Schema of the pack format (what authors write: `io: 'input'`),
 * generated from the zod schema so it never drifts. Editors use it for
 * completion and hovers; `vaim schema` prints it and
 * `resources/pack.schema.json` holds a copy.
 */
import { z } from 'zod';
import { conditionSchema } from './condition';
import { effectSchema } from './effect';
import { durationSchema } from './primitives';
import { PACK_FORMAT_VERSION, packSchema } from './schema';

/** The `$id` of the schema of this format version. */
export const PACK_SCHEMA_ID = `urn:vaim-command-trainer:pack-format:${PACK_FORMAT_VERSION}`;

/** A JSON Schema document (plain JSON). */
export type JsonSchema = { readonly [key: string]: unknown };

const INCLUDE_PROPERTY = {
  type: 'array',
  items: { type: 'string', pattern: '\\.(ya?ml|json)$' },
  description:
    'Other files of the pack folder whose keys are merged into this pack (lists are joined in order; other keys may be defined once). Read by the loader, main file only.',
} as const;

/** Builds the JSON Schema (draft 2020-12) of the pack format. */
export function packJsonSchema(): JsonSchema {
  // Named definitions for the recursive and much-repeated parts, instead of __schema0.
  const names = z.registry<{ id: string; description?: string }>();
  names.add(conditionSchema, { id: 'Condition', description: 'A condition: one test (var, move, inject, …) or all / any / not of conditions' });
  names.add(effectSchema, { id: 'Effect', description: 'An effect: set or add to a variable, open a decision, fire an inject' });
  names.add(durationSchema, { id: 'Duration', description: 'Scenario minutes, or a duration like "90m", "72h", "15d", "1d 2h 30m"' });
  const generated = z.toJSONSchema(packSchema, {
    io: 'input',
    target: 'draft-2020-12',
    metadata: names,
    override(ctx) {
      // A private registry hides the `.describe()` texts of the global one: copy them over.
      const description = z.globalRegistry.get(ctx.zodSchema)?.description;
      const json = ctx.jsonSchema as { description?: string };
      if (description !== undefined && json.description === undefined) json.description = description;
    },
  }) as JsonSchema & { properties: Record<string, unknown> };
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PACK_SCHEMA_ID,
    title: `V-AIM scenario pack (format ${PACK_FORMAT_VERSION})`,
    description:
      'A V-AIM Command Trainer scenario pack: metadata, the AI system, clock, variables, injects, decisions, moves, obligations, recovery criteria and the reference playbook. Durations are minutes or strings like "72h".',
    ...rest,
    properties: { ...rest.properties, include: INCLUDE_PROPERTY },
  };
}
