/**
 * The fast parse of a pack file. `yaml` keeps source positions but is about
 * ten times slower than js-yaml; positions are only needed to report
 * problems. So a pack is first read with js-yaml, configured to resolve
 * scalars exactly as YAML 1.2's core schema does in `yaml`; only when that
 * read and the validation are entirely clean is its result used. Anything
 * unusual — a parse error, a tag, an alias (shared node), several
 * documents — returns undefined and the pack takes the located path.
 */
import jsyaml from 'js-yaml';

// Scalar resolution of the YAML 1.2 core schema, written to match `yaml`'s own (src: yaml/dist/schema/core).
const coreNull = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || /^(?:~|[Nn]ull|NULL)?$/.test(data),
  construct: () => null,
  predicate: (value: unknown) => value === null,
});

const coreBool = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (value: unknown) => typeof value === 'boolean',
});

const coreInt = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(data),
  construct: (data: string) => (data.startsWith('0o') ? parseInt(data.slice(2), 8) : data.startsWith('0x') ? parseInt(data.slice(2), 16) : Number(data)),
  predicate: (value: unknown) => Number.isInteger(value),
});

const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_PLAIN = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const coreFloat = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (FLOAT_SPECIAL.test(data) || FLOAT_EXP.test(data) || FLOAT_PLAIN.test(data)),
  construct: (data: string) => {
    if (!FLOAT_SPECIAL.test(data)) return parseFloat(data);
    if (data.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return data.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
  predicate: (value: unknown) => typeof value === 'number' && !Number.isInteger(value),
});

const CORE_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });

// A "!" where a tag could start (after space, a flow indicator, "-", ":" or "?", or at a line start).
const POSSIBLE_TAG = /(?:^|[\s[\]{},:?-])!/m;

/** The value of a pack file, or undefined when it needs the careful (located) parser. */
export function fastParse(text: string): { readonly value: unknown } | undefined {
  if (POSSIBLE_TAG.test(text)) return undefined;
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  return hasSharedNodes(value) ? undefined : { value };
}

/** True when a node is reachable twice (a YAML alias): the careful parser enforces the alias limits. */
function hasSharedNodes(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (seen.has(node)) return true;
    seen.add(node);
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else for (const key in node) stack.push((node as Record<string, unknown>)[key]);
  }
  return false;
}
