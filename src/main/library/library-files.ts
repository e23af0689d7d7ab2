/**
 * File work of the pack library: fingerprints that tell when a pack on disk
 * changed (so listing reloads only those), the import manifest, and a folder
 * copy that never follows symbolic links.
 */
import { copyFile, lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PACK_LIMITS } from '../packs/index';

/** Hidden files and macOS metadata are not part of a pack (as the pack loader reads folders). */
export const isIgnoredName = (name: string): boolean => name.startsWith('.') || name === '__MACOSX';

/**
 * A cheap fingerprint of a pack on disk: size and mtime of the file, or of
 * every file in the folder. Equal fingerprints: no need to load it again.
 */
export async function fingerprint(path: string): Promise<string> {
  const info = await lstat(path);
  if (!info.isDirectory()) return `${info.size}:${info.mtimeMs}`;
  const parts: string[] = [];
  const walk = async (dir: string, rel: string, depth: number) => {
    if (depth > PACK_LIMITS.folderDepth || parts.length > PACK_LIMITS.files) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (isIgnoredName(entry.name)) continue;
      const full = join(dir, entry.name);
      const stat = await lstat(full);
      parts.push(`${rel}${entry.name}:${stat.size}:${stat.mtimeMs}`);
      if (stat.isDirectory()) await walk(full, `${rel}${entry.name}/`, depth + 1);
    }
  };
  await walk(path, '', 0);
  return parts.sort().join('|');
}

/** What `userDir/<packId>/import.json` records: where the copied source is inside that folder. */
export const manifestSchema = z.strictObject({
  manifestVersion: z.literal(1),
  kind: z.enum(['folder', 'file', 'zip']),
  /** File or folder name inside `userDir/<packId>/` to hand to the pack loader. */
  entry: z.string().regex(/^[^/\\]+$/).refine((name) => name !== '.' && name !== '..'),
  importedAt: z.string(),
  /** Where it was imported from (informational). */
  source: z.string(),
});
/** The import manifest. */
export type ImportManifest = z.output<typeof manifestSchema>;
export const MANIFEST_FILE = 'import.json';

/** Reads an import manifest; a string says what is wrong. */
export async function readManifest(dir: string): Promise<ImportManifest | string> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return `${MANIFEST_FILE} is missing: this folder was not made by an import`;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : `${MANIFEST_FILE} is not a valid import record`;
  } catch {
    return `${MANIFEST_FILE} is not valid JSON`;
  }
}

/**
 * Copies a pack folder: regular files and folders only. Symbolic links are
 * neither followed nor recreated, hidden files are skipped, and the pack
 * loader's limits bound the copy. Returns the names of skipped links.
 */
export async function copyPackFolder(from: string, to: string): Promise<{ skippedLinks: string[] }> {
  const skippedLinks: string[] = [];
  let files = 0;
  let bytes = 0;
  const walk = async (src: string, dest: string, rel: string, depth: number) => {
    if (depth > PACK_LIMITS.folderDepth) return;
    await mkdir(dest, { recursive: true });
    for (const entry of await readdir(src, { withFileTypes: true })) {
      if (isIgnoredName(entry.name)) continue;
      const source = join(src, entry.name);
      const info = await lstat(source);
      if (info.isSymbolicLink()) skippedLinks.push(`${rel}${entry.name}`);
      else if (info.isDirectory()) await walk(source, join(dest, entry.name), `${rel}${entry.name}/`, depth + 1);
      else if (info.isFile()) {
        files += 1;
        bytes += info.size;
        if (files > PACK_LIMITS.files || bytes > PACK_LIMITS.totalBytes) throw new Error('the folder is larger than a pack may be');
        await copyFile(source, join(dest, entry.name));
      }
    }
  };
  await walk(from, to, '', 0);
  return { skippedLinks };
}
