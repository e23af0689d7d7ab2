/**
 * Reads a pack folder into memory. Only regular files are read; symbolic
 * links are followed only to files inside the folder; hidden files are
 * skipped; the file-count and size limits stop the walk early.
 */
import { constants, promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LocatedIssue, PackOrigin } from '../../shared/packs';
import { containerIssue, fileIssue } from './issues';
import { formatBytes, PACK_LIMITS } from './limits';
import { isIgnoredPath } from './paths';

/** What a folder read produced: the files (relative `/` paths) and any problems. */
export type FolderRead = { readonly files: Map<string, Uint8Array>; readonly issues: LocatedIssue[] };

/** A folder read; `complete` is false when a limit stopped it (the files are then only some of the pack's). */
export type FolderReadResult = FolderRead & { readonly complete: boolean };

/** Reads at most `limit` bytes; undefined when the file is larger. Never follows a final symlink. */
export async function readBounded(path: string, limit: number, followLink = false): Promise<Uint8Array | undefined> {
  const flags = constants.O_RDONLY | (followLink ? 0 : (constants.O_NOFOLLOW ?? 0));
  const handle = await fs.open(path, flags);
  try {
    const { size } = await handle.stat();
    if (size > limit) return undefined;
    // Sized by stat, plus room to notice a file that grows while being read.
    let buffer = Buffer.allocUnsafe(size + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) return undefined;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return undefined;
      // A regular file read short of the room given has ended; skip the extra read that would return 0.
      if (total === size && total < buffer.length) break;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, total);
  } finally {
    await handle.close();
  }
}

type Walk = { readonly root: string; readonly origin: PackOrigin; readonly read: (files: number) => void; total: number; stopped: boolean } & FolderRead;

const inside = (root: string, target: string) => target === root || target.startsWith(root + sep);

async function addFile(walk: Walk, full: string, rel: string, followLink: boolean): Promise<void> {
  if (walk.files.size >= PACK_LIMITS.files) {
    walk.issues.push(containerIssue(walk.origin, `has more than ${PACK_LIMITS.files} files; a pack may have at most ${PACK_LIMITS.files}`));
    walk.stopped = true;
    return;
  }
  const bytes = await readBounded(full, PACK_LIMITS.attachmentBytes, followLink);
  if (!bytes) {
    walk.issues.push(fileIssue(rel, `is larger than ${formatBytes(PACK_LIMITS.attachmentBytes)}, the limit for any file in a pack`));
    return;
  }
  walk.total += bytes.byteLength;
  if (walk.total > PACK_LIMITS.totalBytes) {
    walk.issues.push(containerIssue(walk.origin, `holds more than ${formatBytes(PACK_LIMITS.totalBytes)} in all, the limit for a pack`));
    walk.stopped = true;
    return;
  }
  walk.files.set(rel, bytes);
  walk.read(walk.files.size);
}

async function addLink(walk: Walk, full: string, rel: string): Promise<void> {
  let target: string;
  try {
    target = await fs.realpath(full);
  } catch {
    walk.issues.push(fileIssue(rel, 'is a broken symbolic link; it is ignored', 'warning'));
    return;
  }
  if (!inside(walk.root, target)) {
    walk.issues.push(fileIssue(rel, 'is a symbolic link to something outside the pack folder; packs must be self-contained, so it is not followed'));
    return;
  }
  const stat = await fs.stat(target);
  if (stat.isFile()) await addFile(walk, target, rel, true);
  else walk.issues.push(fileIssue(rel, 'is a symbolic link to a folder; it is not followed', 'warning'));
}

async function walkDir(walk: Walk, dir: string, depth: number): Promise<void> {
  if (depth > PACK_LIMITS.folderDepth) {
    walk.issues.push(fileIssue(relative(walk.root, dir).split(sep).join('/'), `is nested more than ${PACK_LIMITS.folderDepth} folders deep; it is not read`, 'warning'));
    return;
  }
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (walk.stopped) return;
    const full = join(dir, entry.name);
    const rel = relative(walk.root, full).split(sep).join('/');
    if (isIgnoredPath(rel)) continue;
    if (entry.isSymbolicLink()) await addLink(walk, full, rel);
    else if (entry.isDirectory()) await walkDir(walk, full, depth + 1);
    else if (entry.isFile()) await addFile(walk, full, rel, false);
    else walk.issues.push(fileIssue(rel, 'is not a regular file; it is ignored', 'warning'));
  }
}

/** Reads every file of a pack folder (relative `/` paths); `read` hears how many so far. Never throws. */
export async function readPackFolder(folder: string, origin: PackOrigin, read: (files: number) => void = () => {}): Promise<FolderReadResult> {
  const files = new Map<string, Uint8Array>();
  const issues: LocatedIssue[] = [];
  try {
    const root = await fs.realpath(folder);
    const walk: Walk = { root, origin, read, files, issues, total: 0, stopped: false };
    await walkDir(walk, root, 0);
    return { files, issues, complete: !walk.stopped };
  } catch (error) {
    issues.push(containerIssue(origin, `could not be read (${error instanceof Error ? error.message : String(error)})`));
    return { files, issues, complete: false };
  }
}
