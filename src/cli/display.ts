/**
 * How the CLI shows text: paths the user can open from the terminal, and
 * nothing a terminal would obey. Pack text is untrusted; printed raw, an ANSI
 * escape could recolour, retitle or clear the terminal, a carriage return or
 * a bidirectional override could make a line say something else.
 */
import { basename, dirname, join } from 'node:path';
import { assertNever } from '../engine';
import { formatIssue, type LocatedIssue, type PackOrigin } from '../shared/packs';
import type { CliIo } from './command';

/**
 * Code points never printed raw: C0 controls except tab and newline (so ESC,
 * NUL, BEL, backspace, carriage return), DEL, C1 controls (U+0080–U+009F,
 * e.g. the one-byte CSI U+009B), bidirectional marks, embeddings, overrides
 * and isolates, and the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces each unsafe code point by its `\uXXXX` escape: visible in text
 * output, and inside JSON strings (where only such escapes can occur) the very
 * escape JSON defines, so `--json` output still parses to the same data.
 */
export const terminalSafe = (text: string): string =>
  text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** An io that neutralises everything written through it. */
export const terminalSafeIo = (io: CliIo): CliIo => ({
  stdout: (text) => io.stdout(terminalSafe(text)),
  stderr: (text) => io.stderr(terminalSafe(text)),
});

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

/** `file:line:col: path: message` on one line (a newline in pack text shows as `\n`), the file shown from the current directory. */
export const displayIssue = (origin: PackOrigin, issue: LocatedIssue): string =>
  terminalSafe(formatIssue({ ...issue, file: displayFile(origin, issue.file) })).replace(/\n/g, '\\n');
