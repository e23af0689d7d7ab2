/** How the CLI shows where a problem is: paths the user can open from the terminal. */
import { basename, dirname, join } from 'node:path';
import { assertNever } from '../engine/result';
import { formatIssue, type LocatedIssue, type PackOrigin } from '../shared/packs';

/**
 * The issue's file as a path from the current directory: inside a folder
 * pack `<folder>/<file>`, next to a single file, or `<zip>/<entry>` for a zip.
 */
export function displayFile(origin: PackOrigin, file: string): string {
  if (file === basename(origin.path)) return origin.path;
  switch (origin.kind) {
    case 'folder':
      return join(origin.path, file);
    case 'file':
      return join(dirname(origin.path), file);
    case 'zip':
      return `${origin.path}/${file}`;
    default:
      return assertNever(origin.kind);
  }
}

/** `file:line:col: path: message` with the file shown from the current directory. */
export const displayIssue = (origin: PackOrigin, issue: LocatedIssue): string =>
  formatIssue({ ...issue, file: displayFile(origin, issue.file) });
