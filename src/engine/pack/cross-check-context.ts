/**
 * The lookup tables the cross-checks share, built once from the raw pack.
 * Each table keeps the first definition of an id; duplicates are reported
 * by `cross-check-ids.ts`.
 */
import { packError, packWarning, type PackIssue, type PackPath } from './issues';
import { field, items, minutes, num, str } from './loose';
import { didYouMean, listNames } from './suggest';
import { DEFAULT_READINESS_ITEMS, R3AI_CATEGORIES, ROLE_IDS } from './vocabulary';

/** What the checks know about a variable. */
export type VariableInfo = {
  readonly type: 'number' | 'boolean' | 'enum' | undefined;
  readonly values: readonly string[];
  readonly min: number | undefined;
  readonly max: number | undefined;
};

/** What the checks know about a decision. */
export type DecisionInfo = {
  readonly kind: string | undefined;
  /** Option ids a team can choose: the pack's, or the implicit ones of severity / r3ai decisions. */
  readonly options: readonly string[];
};

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
  readonly pack: unknown;
  readonly ids: ReadonlyMap<IdKind, ReadonlyMap<string, number>>;
  /**
   * Kinds whose defining list is missing or not a list: the schema reports
   * that once, so references to them are not reported again one by one.
   */
  readonly unreadable: ReadonlySet<IdKind>;
  readonly variables: ReadonlyMap<string, VariableInfo>;
  readonly decisions: ReadonlyMap<string, DecisionInfo>;
  /** Roles that have a brief in `roles`. */
  readonly briefedRoles: ReadonlySet<string>;
  /** `clock.end` in minutes, when it is readable. */
  readonly end: number | undefined;
  readonly issues: PackIssue[];
};

/** Severity decisions may leave out their options: these are implied. */
export const SEVERITY_OPTION_IDS = ['v1', 'v2', 'v3', 'v4', 'v5'] as const;

function indexIds(list: unknown): Map<string, number> {
  const map = new Map<string, number>();
  items(list).forEach((item, index) => {
    const id = str(field(item, 'id'));
    if (id !== undefined && !map.has(id)) map.set(id, index);
  });
  return map;
}

function variableInfo(item: unknown): VariableInfo {
  const type = str(field(item, 'type'));
  return {
    type: type === 'number' || type === 'boolean' || type === 'enum' ? type : undefined,
    values: items(field(item, 'values')).filter((v): v is string => typeof v === 'string'),
    min: num(field(item, 'min')),
    max: num(field(item, 'max')),
  };
}

function decisionInfo(item: unknown): DecisionInfo {
  const kind = str(field(item, 'kind'));
  const explicit = items(field(item, 'options'))
    .map((option) => str(field(option, 'id')))
    .filter((id): id is string => id !== undefined);
  const implicit = kind === 'severity' ? SEVERITY_OPTION_IDS : kind === 'r3ai' ? R3AI_CATEGORIES : [];
  return { kind, options: explicit.length > 0 ? explicit : implicit };
}

/** Builds the tables for one pack. */
export function buildContext(pack: unknown): CheckContext {
  const variables = new Map<string, VariableInfo>();
  for (const item of items(field(pack, 'variables'))) {
    const id = str(field(item, 'id'));
    if (id !== undefined && !variables.has(id)) variables.set(id, variableInfo(item));
  }
  const decisions = new Map<string, DecisionInfo>();
  for (const item of items(field(pack, 'decisions'))) {
    const id = str(field(item, 'id'));
    if (id !== undefined && !decisions.has(id)) decisions.set(id, decisionInfo(item));
  }
  const readiness = field(pack, 'readiness') === undefined ? DEFAULT_READINESS_ITEMS : field(pack, 'readiness');
  const trace = field(field(pack, 'reference'), 'trace');
  // [kind, its list, whether the list may be left out (then it is empty)]
  const lists: ReadonlyArray<readonly [IdKind, unknown, boolean]> = [
    ['variable', field(pack, 'variables'), false],
    ['inject', field(pack, 'injects'), false],
    ['decision', field(pack, 'decisions'), true],
    ['move', field(pack, 'moves'), false],
    ['obligation', field(pack, 'obligations'), true],
    ['readiness item', readiness, false],
    ['recovery criterion', field(field(pack, 'recovery'), 'criteria'), false],
    ['root-cause candidate', field(field(trace, 'rootCause'), 'candidates'), false],
    ['correction', field(trace, 'corrections'), false],
    ['evolution', field(trace, 'evolutions'), false],
  ];
  const ids = new Map<IdKind, Map<string, number>>(lists.map(([kind, list]) => [kind, indexIds(list)]));
  ids.set('role', new Map(ROLE_IDS.map((role, index) => [role, index])));
  const unreadable = new Set(
    lists.filter(([, list, optional]) => !Array.isArray(list) && !(optional && list === undefined)).map(([kind]) => kind),
  );
  const briefedRoles = new Set(
    items(field(pack, 'roles'))
      .map((brief) => str(field(brief, 'role')))
      .filter((role): role is string => role !== undefined),
  );
  return { pack, ids, unreadable, variables, decisions, briefedRoles, end: minutes(field(field(pack, 'clock'), 'end')), issues: [] };
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
export function unknownMessage(kind: IdKind, id: string, known: readonly string[]): string {
  if (known.length === 0) return `unknown ${kind} "${id}" (the pack defines no ${PLURAL[kind]})`;
  return `unknown ${kind} "${id}"${didYouMean(id, known)} (known: ${listNames(known)})`;
}

/**
 * Checks that `value` (found at `path`) names an existing id of `kind`.
 * Values that are not strings are left to the schema. Returns whether it exists.
 */
export function checkRef(ctx: CheckContext, kind: IdKind, value: unknown, path: PackPath): boolean {
  const id = str(value);
  if (id === undefined) return false;
  const table = ctx.ids.get(kind);
  if (table?.has(id)) return true;
  if (!ctx.unreadable.has(kind)) error(ctx, path, unknownMessage(kind, id, [...(table?.keys() ?? [])]));
  return false;
}
