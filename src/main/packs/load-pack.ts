/**
 * `loadPack(path)`: a pack folder, a single `.yaml`/`.yml`/`.json` file or a
 * `.zip` of a pack folder, read from disk and loaded through
 * `loadPackFromFiles`.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { LocatedIssue, PackLoadResult, PackOrigin } from '../../shared/packs';
import { containerIssue } from './issues';
import { formatBytes, PACK_LIMITS } from './limits';
import { loadPackFromFiles } from './load-files';
import { extensionOf } from './paths';
import { readBounded, readPackFolder } from './read-folder';
import { readPackZip } from './read-zip';

const FILE_EXTENSIONS = new Set(['yaml', 'yml', 'json']);

const fail = (origin: PackOrigin, issues: readonly LocatedIssue[]): PackLoadResult => ({ ok: false, issues, origin });

/** Adds reading problems (errors or warnings) to a load result. */
function withReadIssues(result: PackLoadResult, issues: readonly LocatedIssue[]): PackLoadResult {
  if (issues.length === 0) return result;
  if (!result.ok) return fail(result.origin, [...issues, ...result.issues]);
  if (issues.some((issue) => issue.severity === 'error')) return fail(result.value.origin, [...issues, ...result.value.warnings]);
  return { ok: true, value: { ...result.value, warnings: [...issues, ...result.value.warnings] } };
}

async function loadFolder(path: string): Promise<PackLoadResult> {
  const origin: PackOrigin = { kind: 'folder', path };
  const read = await readPackFolder(path, origin);
  if (!read.complete) return fail(origin, read.issues);
  return withReadIssues(loadPackFromFiles(read.files, origin), read.issues);
}

async function loadZip(path: string): Promise<PackLoadResult> {
  const origin: PackOrigin = { kind: 'zip', path };
  const bytes = await readBounded(path, PACK_LIMITS.zipBytes, true);
  if (!bytes) return fail(origin, [containerIssue(origin, `is larger than ${formatBytes(PACK_LIMITS.zipBytes)}, the limit for a zipped pack`)]);
  const read = readPackZip(bytes, origin);
  return read.files ? withReadIssues(loadPackFromFiles(read.files, origin), read.issues) : fail(origin, read.issues);
}

async function loadFile(path: string): Promise<PackLoadResult> {
  const origin: PackOrigin = { kind: 'file', path };
  const name = basename(path);
  const bytes = await readBounded(path, PACK_LIMITS.packFileBytes, true);
  if (!bytes) return fail(origin, [containerIssue(origin, `is larger than ${formatBytes(PACK_LIMITS.packFileBytes)}, the limit for a pack file`)]);
  return loadPackFromFiles(new Map([[name, bytes]]), origin);
}

/** Loads a pack from a folder, a YAML/JSON file or a zip. Never throws. */
export async function loadPack(path: string): Promise<PackLoadResult> {
  const extension = extensionOf(path.replace(/\\/g, '/'));
  const guess: PackOrigin = { kind: extension === 'zip' ? 'zip' : FILE_EXTENSIONS.has(extension) ? 'file' : 'folder', path };
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return await loadFolder(path);
    if (!stat.isFile()) return fail(guess, [containerIssue(guess, 'is not a file or a folder')]);
    if (extension === 'zip') return await loadZip(path);
    if (FILE_EXTENSIONS.has(extension)) return await loadFile(path);
    return fail(guess, [containerIssue(guess, 'is not a pack: expected a folder, a .yaml, .yml or .json file, or a .zip')]);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = code === 'ENOENT' ? 'does not exist' : `could not be read (${error instanceof Error ? error.message : String(error)})`;
    return fail(guess, [containerIssue(guess, message)]);
  }
}
