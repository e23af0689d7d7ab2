/**
 * Locating issues found after a pack was loaded (lint warnings, the scoring
 * self-check) in the pack's files: the files are read again from where the
 * pack came from and assembled with positions, the way the loader locates
 * its own issues. When the files can no longer be read, the issues are put
 * on the container at 1:1.
 */
import { basename } from 'node:path';
import type { PackIssue } from '../../engine/pack/issues';
import type { LocatedIssue, PackOrigin } from '../../shared/packs';
import { assemblePack } from './assemble';
import { containerIssue, locateIssue } from './issues';
import { PACK_LIMITS } from './limits';
import { MAIN_FILE_NAMES } from './load-files';
import type { Locator } from './locate';
import { readBounded, readPackFolder } from './read-folder';
import { readPackZip } from './read-zip';

async function filesOf(origin: PackOrigin): Promise<ReadonlyMap<string, Uint8Array> | undefined> {
  if (origin.kind === 'folder') return (await readPackFolder(origin.path, origin)).files;
  const bytes = await readBounded(origin.path, origin.kind === 'zip' ? PACK_LIMITS.zipBytes : PACK_LIMITS.packFileBytes, true);
  if (!bytes) return undefined;
  return origin.kind === 'zip' ? readPackZip(bytes, origin).files : new Map([[basename(origin.path), bytes]]);
}

async function locatorOf(origin: PackOrigin): Promise<Locator | undefined> {
  const files = await filesOf(origin).catch(() => undefined);
  if (!files) return undefined;
  const main = MAIN_FILE_NAMES.find((name) => files.has(name)) ?? (origin.kind === 'file' ? basename(origin.path) : undefined);
  if (main === undefined || !files.has(main)) return undefined;
  return assemblePack(files, main, origin).assembled?.locate;
}

/** Locates `issues` (JSON paths into the pack from `origin`) as `file:line:col`. */
export async function locateLater(origin: PackOrigin, issues: readonly PackIssue[]): Promise<LocatedIssue[]> {
  if (issues.length === 0) return [];
  const fallback = containerIssue(origin, '');
  const locate: Locator = (await locatorOf(origin)) ?? (() => ({ file: fallback.file, line: 1, col: 1 }));
  return issues.map((issue) => locateIssue(locate, issue));
}
