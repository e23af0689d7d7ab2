/**
 * Problems found in a pack. The engine reports each one with a JSON path
 * into the pack; the loader maps that path back to `file:line:col`.
 */

/** A JSON path into a pack: object keys and array indices from the root. */
export type PackPath = readonly (string | number)[];

/** One problem with a pack. `error`s make the pack unusable; `warning`s do not. */
export type PackIssue = {
  readonly path: PackPath;
  readonly message: string;
  readonly severity: 'error' | 'warning';
};

/** An error at `path`. */
export const packError = (path: PackPath, message: string): PackIssue => ({ path, message, severity: 'error' });

/** A warning at `path`. */
export const packWarning = (path: PackPath, message: string): PackIssue => ({ path, message, severity: 'warning' });

/** True when any issue is an error. */
export const hasErrors = (issues: readonly PackIssue[]): boolean => issues.some((i) => i.severity === 'error');

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a path the way authors read it: `injects[3].when.all[0].var`,
 * `$` for the root, `reference.tempo["4"]` for keys that are not identifiers.
 */
export function formatPackPath(path: PackPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '$' : out;
}
