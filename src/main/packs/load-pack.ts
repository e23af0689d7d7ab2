/**
 * `loadPack(path)`: a pack folder, a single `.yaml`/`.yml`/`.json` file or a
 * `.zip` of a pack folder, read from disk and loaded through
 * `loadPackFromFiles`.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { err } from '../../engine';
import type { LocatedIssue, PackLoadResult, PackOrigin } from '../../shared/packs';
import { capFileIssues, containerIssue } from './issues';
import { formatBytes, PACK_LIMITS } from './limits';
import { type LoadOptions, loadPackFromFiles, MAIN_FILE_NAMES, missingMainFile } from './load-files';
import { extensionOf } from './paths';
import { readBounded, readPackFolder } from './read-folder';
import { readPackZip } from './read-zip';

const FILE_EXTENSIONS = new Set(['yaml', 'yml', 'json']);

const fail = (origin: PackOrigin, issues: readonly LocatedIssue[]): PackLoadResult => err({ issues, origin });

/** Adds reading problems (errors or warnings) to a load result. */
function withReadIssues(result: PackLoadResult, all: readonly LocatedIssue[]): PackLoadResult {
  if (all.length === 0) return result;
  const issues = capFileIssues(result.ok ? result.value.origin : result.error.origin, all);
  if (!result.ok) return fail(result.error.origin, [...issues, ...result.error.issues]);
  if (issues.some((issue) => issue.severity === 'error')) return fail(result.value.origin, [...issues, ...result.value.warnings]);
  return { ok: true, value: { ...result.value, warnings: [...issues, ...result.value.warnings] } };
}

async function loadFolder(path: string, options: LoadOptions): Promise<PackLoadResult> {
  const origin: PackOrigin = { kind: 'folder', path };
  // A folder that is not a pack (a home folder, Downloads) is not read at all, so nothing lists its files.
  const names = new Set(await fs.readdir(path));
  if (!MAIN_FILE_NAMES.some((name) => names.has(name))) return fail(origin, [missingMainFile(origin)]);
  const read = await readPackFolder(path, origin, (done) => options.onProgress?.({ step: 'reading', done, total: 0 }));
  if (!read.complete) return fail(origin, capFileIssues(origin, read.issues));
  return withReadIssues(loadPackFromFiles(read.files, origin, options), read.issues);
}

async function loadZip(path: string, options: LoadOptions): Promise<PackLoadResult> {
  const origin: PackOrigin = { kind: 'zip', path };
  const bytes = await readBounded(path, PACK_LIMITS.zipBytes, true);
  if (!bytes) return fail(origin, [containerIssue(origin, `is larger than ${formatBytes(PACK_LIMITS.zipBytes)}, the limit for a zipped pack`)]);
  options.onProgress?.({ step: 'reading', done: 1, total: 1 });
  const read = readPackZip(bytes, origin);
  return read.files ? withReadIssues(loadPackFromFiles(read.files, origin, options), read.issues) : fail(origin, capFileIssues(origin, read.issues));
}

async function loadFile(path: string, options: LoadOptions): Promise<PackLoadResult> {
  const origin: PackOrigin = { kind: 'file', path };
  const name = basename(path);
  const bytes = await readBounded(path, PACK_LIMITS.packFileBytes, true);
  if (!bytes) return fail(origin, [containerIssue(origin, `is larger than ${formatBytes(PACK_LIMITS.packFileBytes)}, the limit for a pack file`)]);
  options.onProgress?.({ step: 'reading', done: 1, total: 1 });
  return loadPackFromFiles(new Map([[name, bytes]]), origin, options);
}

/** What a path is taken for before it is looked at (by its extension). */
export function guessOrigin(path: string): PackOrigin {
  const extension = extensionOf(path.replace(/\\/g, '/'));
  return { kind: extension === 'zip' ? 'zip' : FILE_EXTENSIONS.has(extension) ? 'file' : 'folder', path };
}

/** Loads a pack from a folder, a YAML/JSON file or a zip. Never throws. */
export async function loadPack(path: string, options: LoadOptions = {}): Promise<PackLoadResult> {
  const extension = extensionOf(path.replace(/\\/g, '/'));
  const guess = guessOrigin(path);
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return await loadFolder(path, options);
    if (!stat.isFile()) return fail(guess, [containerIssue(guess, 'is not a file or a folder')]);
    if (extension === 'zip') return await loadZip(path, options);
    if (FILE_EXTENSIONS.has(extension)) return await loadFile(path, options);
    return fail(guess, [containerIssue(guess, 'is not a pack: expected a folder, a .yaml, .yml or .json file, or a .zip')]);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = code === 'ENOENT' ? 'does not exist' : `could not be read (${error instanceof Error ? error.message : String(error)})`;
    return fail(guess, [containerIssue(guess, message)]);
  }
}
