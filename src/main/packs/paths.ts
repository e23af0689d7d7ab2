/**
 * Relative paths inside a pack (includes, attachments, zip entries): they
 * must stay inside the pack folder.
 */

/** Why `path` is not a safe relative path inside the pack, or undefined when it is. */
export function unsafePathReason(path: string): string | undefined {
  if (path.trim() === '') return 'is empty';
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.includes('\\')) return 'uses backslashes; write paths with "/"';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter; write it relative to the pack folder';
  if (path.startsWith('/')) return 'is an absolute path; write it relative to the pack folder';
  if (path.split('/').includes('..')) return 'leaves the pack folder (".."); write it relative to the pack folder';
  return undefined;
}

/** `./a//b.md` → `a/b.md` (assumes `unsafePathReason` found nothing). */
export const normalizePath = (path: string): string =>
  path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');

/** Hidden files and macOS metadata are not part of a pack. */
export const isIgnoredPath = (path: string): boolean =>
  path.split('/').some((segment) => (segment.startsWith('.') && segment !== '.' && segment !== '..') || segment === '__MACOSX');

/** The extension of a path, lower-case, without the dot (`yaml`). */
export const extensionOf = (path: string): string => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};
