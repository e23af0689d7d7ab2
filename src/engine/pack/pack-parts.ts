/**
 * The pack as far as it parses: each section, and each entry of each list,
 * read with the schema's own sub-schema (`packSchema.shape…`, `.element`).
 * An entry that fails its schema is left out (the full schema reports why),
 * so the cross-checks only ever see typed, parsed data, yet still run when
 * some other part of the pack is wrong: an author sees both kinds of problem
 * in one go. Entries keep their index in the author's list for issue paths.
 */
import { z } from 'zod';
import { valueAt } from './loose';
import type { PackPath } from './issues';
import { idSchema } from './primitives';
import { type Pack, packSchema } from './schema';

/** One entry of a pack list that passed its own schema, at its index in the author's list. */
export type Entry<T> = { readonly index: number; readonly value: T };

/** A list whose entries are named by a key (an id; the role of a role brief). */
export type KeyedParts<T> = {
  /** The entries that pass their own schema, in list order. */
  readonly entries: readonly Entry<T>[];
  /** The key of every entry whose key reads, whether or not the rest of the entry parses. */
  readonly keys: readonly Entry<string>[];
  /**
   * False when the list is missing, is not a list, or has an entry whose key
   * does not read: any id might be meant there, so references into the list
   * cannot be judged (the schema reports the problem once instead).
   */
  readonly complete: boolean;
};

/** True when every entry of the list parses, so nothing in it is hidden from the checks. */
export const parsedInFull = (list: KeyedParts<unknown>): boolean => list.complete && list.entries.length === list.keys.length;

type Item<List extends readonly unknown[] | undefined> = NonNullable<List>[number];
type Reference = Pack['reference'];
type Trace = Reference['trace'];

/** What the cross-checks read of a pack, as far as it parses. */
export type PackParts = {
  /** `clock.end` in minutes, when it parses. */
  readonly end: number | undefined;
  readonly roles: KeyedParts<Item<Pack['roles']>>;
  /** Undefined when the pack has no readiness list (the app's default checklist applies). */
  readonly readiness: KeyedParts<Item<Pack['readiness']>> | undefined;
  readonly variables: KeyedParts<Item<Pack['variables']>>;
  readonly metrics: {
    readonly harm: string | undefined;
    readonly harms: readonly Entry<Item<Pack['metrics']['harms']>>[];
    readonly dashboard: readonly Entry<string>[];
  };
  readonly injects: KeyedParts<Item<Pack['injects']>>;
  readonly decisions: KeyedParts<Item<Pack['decisions']>>;
  readonly moves: KeyedParts<Item<Pack['moves']>>;
  readonly obligations: KeyedParts<Item<Pack['obligations']>>;
  readonly recovery: {
    readonly restartMoves: readonly Entry<string>[];
    readonly inService: Pack['recovery']['inService'];
    readonly criteria: KeyedParts<Item<Pack['recovery']['criteria']>>;
  };
  readonly reference: {
    readonly severity: readonly Entry<Item<Reference['severity']>>[];
    readonly awareness: readonly Entry<string>[];
    readonly required: readonly Entry<Item<Reference['required']>>[];
    readonly forbidden: readonly Entry<Item<Reference['forbidden']>>[];
    readonly timeline: readonly Entry<Item<Reference['timeline']>>[];
    readonly trace: {
      readonly rootCause: { readonly candidates: KeyedParts<Item<Trace['rootCause']['candidates']>> };
      readonly corrections: KeyedParts<Item<Trace['corrections']>>;
      readonly evolutions: KeyedParts<Item<Trace['evolutions']>>;
    };
  };
  /** Undefined when absent or when it does not parse. */
  readonly weights: Pack['weights'];
};

/** The value when it parses with `schema`, else undefined. */
function parsed<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> | undefined {
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/** The entries of `raw` (if it is a list) that parse with `schema`. */
function entries<T extends z.ZodType>(schema: T, raw: unknown): Entry<z.output<T>>[] {
  const out: Entry<z.output<T>>[] = [];
  if (!Array.isArray(raw)) return out;
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) out.push({ index, value: result.data });
  });
  return out;
}

const idKey = z.object({ id: idSchema });
const roleKey = z.object({ role: packSchema.shape.roles.element.shape.role });

/**
 * A keyed list: its parsed entries and the keys of all entries. `optional`:
 * the list may be left out (it is then empty and complete).
 */
function keyed<T extends z.ZodType>(schema: T, raw: unknown, optional: boolean, key: 'id' | 'role' = 'id'): KeyedParts<z.output<T>> {
  if (raw === undefined && optional) return { entries: [], keys: [], complete: true };
  const keys: Entry<string>[] = [];
  let complete = Array.isArray(raw);
  if (Array.isArray(raw)) {
    raw.forEach((item, index) => {
      const value = key === 'id' ? parsed(idKey, item)?.id : parsed(roleKey, item)?.role;
      if (value === undefined) complete = false;
      else keys.push({ index, value });
    });
  }
  return { entries: entries(schema, raw), keys, complete };
}

/** Reads the parts of raw (migrated) pack data. Never throws on odd shapes. */
export function readPackParts(data: unknown): PackParts {
  const shape = packSchema.shape;
  const at = (...path: PackPath) => valueAt(data, path);
  const reference = shape.reference.shape;
  const trace = reference.trace.shape;
  return {
    end: parsed(shape.clock.shape.end, at('clock', 'end')),
    roles: keyed(shape.roles.element, at('roles'), false, 'role'),
    readiness: at('readiness') === undefined ? undefined : keyed(shape.readiness.unwrap().element, at('readiness'), false),
    variables: keyed(shape.variables.element, at('variables'), false),
    metrics: {
      harm: parsed(shape.metrics.shape.harm, at('metrics', 'harm')),
      harms: entries(shape.metrics.shape.harms.unwrap().element, at('metrics', 'harms')),
      dashboard: entries(shape.metrics.shape.dashboard.unwrap().element, at('metrics', 'dashboard')),
    },
    injects: keyed(shape.injects.element, at('injects'), false),
    decisions: keyed(shape.decisions.unwrap().element, at('decisions'), true),
    moves: keyed(shape.moves.element, at('moves'), false),
    obligations: keyed(shape.obligations.unwrap().element, at('obligations'), true),
    recovery: {
      restartMoves: entries(shape.recovery.shape.restartMoves.element, at('recovery', 'restartMoves')),
      inService: parsed(shape.recovery.shape.inService, at('recovery', 'inService')),
      criteria: keyed(shape.recovery.shape.criteria.element, at('recovery', 'criteria'), false),
    },
    reference: {
      severity: entries(reference.severity.element, at('reference', 'severity')),
      awareness: entries(reference.awareness.unwrap().element, at('reference', 'awareness')),
      required: entries(reference.required.element, at('reference', 'required')),
      forbidden: entries(reference.forbidden.element, at('reference', 'forbidden')),
      timeline: entries(reference.timeline.element, at('reference', 'timeline')),
      trace: {
        rootCause: { candidates: keyed(trace.rootCause.shape.candidates.element, at('reference', 'trace', 'rootCause', 'candidates'), false) },
        corrections: keyed(trace.corrections.element, at('reference', 'trace', 'corrections'), false),
        evolutions: keyed(trace.evolutions.element, at('reference', 'trace', 'evolutions'), false),
      },
    },
    weights: parsed(shape.weights, at('weights')),
  };
}
