/**
 * The lookup tables the cross-checks share, built once from the parsed
 * parts of a pack. Each table keeps the first definition of an id;
 * duplicates are reported by `cross-check-ids.ts`.
 */
import { packError, packWarning, type PackIssue, type PackPath } from './issues';
import type { KeyedParts, PackParts } from './pack-parts';
import type { Variable } from './schema';
import { didYouMean, listNames } from './suggest';
import { DEFAULT_READINESS_ITEMS, ROLE_IDS } from './vocabulary';
import { acceptedOptionIds } from './decision-options';

/** The kinds of ids a pack defines and refers to. */
export type IdKind =
  | 'variable'
  | 'inject'
  | 'decision'
  | 'move'
  | 'obligation'
  | 'readiness item'
  | 'recovery criterion'
  | 'root-cause candidate'
  | 'correction'
  | 'evolution'
  | 'role';

/** Shared state of one cross-check pass. */
export type CheckContext = {
  readonly parts: PackParts;
  readonly ids: ReadonlyMap<IdKind, ReadonlyMap<string, number>>;
  /** Kinds whose defining list cannot be read in full (see `KeyedParts.complete`): references to them are not judged. */
  readonly unreadable: ReadonlySet<IdKind>;
  /** The variables that parse, by id. */
  readonly variables: ReadonlyMap<string, Variable>;
  /** The option ids a team can choose, of each decision that parses. */
  readonly decisionOptions: ReadonlyMap<string, readonly string[]>;
  /** Roles that have a brief in `roles`. */
  readonly briefedRoles: ReadonlySet<string>;
  readonly issues: PackIssue[];
};

/** A list of the pack that defines ids of one kind, and where it is. */
export type IdList = { readonly kind: IdKind; readonly path: PackPath; readonly list: KeyedParts<unknown> };

const DEFAULT_READINESS: KeyedParts<unknown> = {
  entries: [],
  keys: DEFAULT_READINESS_ITEMS.map((item, index) => ({ index, value: item.id })),
  complete: true,
};

/** Every list that defines ids (roles are fixed and not among them). */
export function idListsOf(parts: PackParts): readonly IdList[] {
  const trace = parts.reference.trace;
  return [
    { kind: 'variable', path: ['variables'], list: parts.variables },
    { kind: 'inject', path: ['injects'], list: parts.injects },
    { kind: 'decision', path: ['decisions'], list: parts.decisions },
    { kind: 'move', path: ['moves'], list: parts.moves },
    { kind: 'obligation', path: ['obligations'], list: parts.obligations },
    { kind: 'readiness item', path: ['readiness'], list: parts.readiness ?? DEFAULT_READINESS },
    { kind: 'recovery criterion', path: ['recovery', 'criteria'], list: parts.recovery.criteria },
    { kind: 'root-cause candidate', path: ['reference', 'trace', 'rootCause', 'candidates'], list: trace.rootCause.candidates },
    { kind: 'correction', path: ['reference', 'trace', 'corrections'], list: trace.corrections },
    { kind: 'evolution', path: ['reference', 'trace', 'evolutions'], list: trace.evolutions },
  ];
}

/** A map of the first value under each key. */
function firstByKey<T>(pairs: ReadonlyArray<readonly [string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, value] of pairs) if (!map.has(key)) map.set(key, value);
  return map;
}

/** Where each id is first defined: its index in the list. */
const firstIndexOf = (list: KeyedParts<unknown>): Map<string, number> =>
  firstByKey(list.keys.map(({ index, value }) => [value, index] as const));

/** The entries that define their id (the first with it), when they parse. */
function definitions<T extends { readonly id: string }>(list: KeyedParts<T>): Map<string, T> {
  const first = firstIndexOf(list);
  return new Map(list.entries.filter(({ index, value }) => first.get(value.id) === index).map(({ value }) => [value.id, value]));
}

/** Builds the tables for one pack. */
export function buildContext(parts: PackParts): CheckContext {
  const lists = idListsOf(parts);
  const ids = new Map<IdKind, ReadonlyMap<string, number>>(lists.map(({ kind, list }) => [kind, firstIndexOf(list)]));
  ids.set('role', new Map(ROLE_IDS.map((role, index) => [role, index])));
  const decisions = [...definitions(parts.decisions)];
  return {
    parts,
    ids,
    unreadable: new Set(lists.filter(({ list }) => !list.complete).map(({ kind }) => kind)),
    variables: definitions(parts.variables),
    decisionOptions: new Map(decisions.map(([id, decision]) => [id, acceptedOptionIds(decision)])),
    briefedRoles: new Set(parts.roles.keys.map(({ value }) => value)),
    issues: [],
  };
}

/** Records an error. */
export const error = (ctx: CheckContext, path: PackPath, message: string): void => {
  ctx.issues.push(packError(path, message));
};

/** Records a warning. */
export const warning = (ctx: CheckContext, path: PackPath, message: string): void => {
  ctx.issues.push(packWarning(path, message));
};

const PLURAL: Readonly<Record<IdKind, string>> = {
  variable: 'variables',
  inject: 'injects',
  decision: 'decisions',
  move: 'moves',
  obligation: 'obligations',
  'readiness item': 'readiness items',
  'recovery criterion': 'recovery criteria',
  'root-cause candidate': 'root-cause candidates',
  correction: 'corrections',
  evolution: 'evolutions',
  role: 'roles',
};

/** `unknown move "x"; did you mean "y"? (known: …)` */
/** Warns when `role`, who must act on something (`what`), has no brief: no participant plays that role. */
export function checkBriefed(ctx: CheckContext, role: string, path: PackPath, what: string): void {
  if (!ctx.briefedRoles.has(role)) warning(ctx, path, `role "${role}" ${what} but has no brief in roles, so no participant plays it`);
}

export function unknownMessage(kind: IdKind, id: string, known: readonly string[]): string {
  if (known.length === 0) return `unknown ${kind} "${id}" (the pack defines no ${PLURAL[kind]})`;
  return `unknown ${kind} "${id}"${didYouMean(id, known)} (known: ${listNames(known)})`;
}

/** Checks that `id` (found at `path`) names an existing id of `kind`. Returns whether it exists. */
export function checkRef(ctx: CheckContext, kind: IdKind, id: string, path: PackPath): boolean {
  const table = ctx.ids.get(kind);
  if (table?.has(id)) return true;
  if (!ctx.unreadable.has(kind)) error(ctx, path, unknownMessage(kind, id, [...(table?.keys() ?? [])]));
  return false;
}

/** Checks each id of a list of references (e.g. `satisfiedBy`) at `path`. */
export function checkRefs(ctx: CheckContext, kind: IdKind, ids: readonly string[] | undefined, path: PackPath): void {
  ids?.forEach((id, index) => checkRef(ctx, kind, id, [...path, index]));
}
