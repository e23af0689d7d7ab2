/**
 * Reads a zipped pack into memory, refusing hostile archives before
 * inflating anything (unsafe names, links, encryption, odd compression,
 * declared sizes and ratios) and counting bytes while inflating (sizes lie).
 */
import { Inflate } from 'fflate';
import { crc32 } from 'node:zlib';
import type { LocatedIssue, PackOrigin } from '../../shared/packs';
import { containerIssue } from './issues';
import { formatBytes, PACK_LIMITS } from './limits';
import { MAIN_FILE_NAMES } from './load-files';
import { isIgnoredPath, normalizePath, unsafePathReason } from './paths';
import { entryDataOffset, readZipDirectory, type ZipEntry } from './zip-directory';

const STORED = 0;
const DEFLATE = 8;
const PUSH_BYTES = 16 * 1024;

/** Inflates raw deflate data, stopping as soon as it exceeds the declared size. */
export function inflateBounded(data: Uint8Array, declared: number): Uint8Array | string {
  const out = new Uint8Array(declared);
  let written = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (written + chunk.length > declared) over = true;
    else {
      out.set(chunk, written);
      written += chunk.length;
    }
  });
  try {
    // Small pushes bound the memory one push can produce (deflate expands at most ~1032:1).
    for (let i = 0; i < data.length && !over; i += PUSH_BYTES) inflater.push(data.subarray(i, i + PUSH_BYTES), i + PUSH_BYTES >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return 'is damaged (it cannot be decompressed)';
  }
  if (over) return `unpacks to more than the ${formatBytes(declared)} it declares (a "zip bomb"?)`;
  if (written !== declared) return 'is damaged (it unpacks to fewer bytes than it declares)';
  return out;
}

function checkEntries(entries: readonly ZipEntry[]): string[] {
  const problems: string[] = [];
  let total = 0;
  let compressed = 0;
  let files = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    const unsafe = unsafePathReason(entry.name.replace(/\/$/, '') || entry.name);
    if (unsafe) problems.push(`entry "${entry.name}" ${unsafe}`);
    if (entry.symlink) problems.push(`entry "${entry.name}" is a symbolic link; a pack cannot contain links`);
    if (entry.directory || isIgnoredPath(entry.name)) continue;
    const name = normalizePath(entry.name);
    if (names.has(name)) problems.push(`entry "${entry.name}" appears twice in the archive`);
    names.add(name);
    if (entry.encrypted) problems.push(`entry "${entry.name}" is encrypted; packs must not be password-protected`);
    else if (entry.method !== STORED && entry.method !== DEFLATE) {
      problems.push(`entry "${entry.name}" uses compression method ${entry.method}, which the app does not read; zip it again with ordinary (deflate) compression`);
    }
    if (entry.size > PACK_LIMITS.attachmentBytes) {
      problems.push(`entry "${entry.name}" unpacks to more than ${formatBytes(PACK_LIMITS.attachmentBytes)}, the limit for any file in a pack`);
    } else if (entry.size >= PACK_LIMITS.zipRatioMinEntryBytes && entry.size > entry.compressedSize * PACK_LIMITS.zipRatio) {
      problems.push(`entry "${entry.name}" is compressed more than ${PACK_LIMITS.zipRatio}:1 (a "zip bomb"?)`);
    }
    files += 1;
    total += entry.size;
    compressed += entry.compressedSize;
  }
  if (files > PACK_LIMITS.files) problems.push(`has ${files} files; a pack may have at most ${PACK_LIMITS.files}`);
  if (total > PACK_LIMITS.totalBytes) problems.push(`unpacks to more than ${formatBytes(PACK_LIMITS.totalBytes)} in all, the limit for a pack`);
  else if (total > compressed * PACK_LIMITS.zipRatio) {
    problems.push(`is compressed ${Math.round(total / Math.max(1, compressed))}:1; more than ${PACK_LIMITS.zipRatio}:1 is refused (a "zip bomb"?)`);
  }
  return problems;
}

function extract(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const start = entryDataOffset(bytes, entry);
  if (typeof start === 'string') return start;
  const data = bytes.subarray(start, start + entry.compressedSize);
  const content = entry.method === STORED ? (data.length === entry.size ? data.slice() : 'is damaged (wrong size)') : inflateBounded(data, entry.size);
  if (typeof content === 'string') return content;
  return crc32(content) === entry.crc ? content : 'is damaged (its checksum does not match)';
}

/** Strips a single top-level folder when the pack is inside one. */
function packRoot(names: readonly string[]): string {
  if (names.some((name) => (MAIN_FILE_NAMES as readonly string[]).includes(name))) return '';
  const tops = new Set(names.map((name) => (name.includes('/') ? name.slice(0, name.indexOf('/') + 1) : '')));
  const [only] = tops;
  return tops.size === 1 && only ? only : '';
}

/** Reads a zipped pack (relative `/` paths, top-level folder stripped). Never throws. */
export function readPackZip(bytes: Uint8Array, origin: PackOrigin): { readonly files?: Map<string, Uint8Array>; readonly issues: LocatedIssue[] } {
  const directory = readZipDirectory(bytes, PACK_LIMITS.zipEntries);
  if (typeof directory === 'string') return { issues: [containerIssue(origin, directory)] };
  const problems = checkEntries(directory);
  if (problems.length > 0) return { issues: problems.map((problem) => containerIssue(origin, problem)) };
  const wanted = directory.filter((entry) => !entry.directory && !isIgnoredPath(entry.name));
  const root = packRoot(wanted.map((entry) => normalizePath(entry.name)));
  const files = new Map<string, Uint8Array>();
  const issues: LocatedIssue[] = [];
  for (const entry of wanted) {
    const content = extract(bytes, entry);
    if (typeof content === 'string') issues.push(containerIssue(origin, `entry "${entry.name}" ${content}`));
    else files.set(normalizePath(entry.name).slice(root.length), content);
  }
  return issues.length > 0 ? { issues } : { files, issues };
}
