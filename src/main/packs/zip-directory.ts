/**
 * Reads a zip archive's central directory without inflating anything, so
 * that names, sizes, flags and file modes can be checked before any work.
 */

/** One entry as the central directory declares it. */
export type ZipEntry = {
  readonly name: string;
  readonly encrypted: boolean;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly symlink: boolean;
  readonly directory: boolean;
  readonly localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Reads the central directory, or says why it cannot. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): readonly ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'is not a zip archive (or it is damaged)';
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return 'is a ZIP64 archive, which packs do not need and the app does not read';
  if (count > maxEntries) return `has ${count} entries; a pack may have at most ${maxEntries}`;
  const entries: ZipEntry[] = [];
  let at = offset;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return 'is damaged (its central directory cannot be read)';
    const madeBy = view.getUint16(at + 4, true);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const externalAttributes = view.getUint32(at + 38, true);
    if (at + 46 + nameLength > bytes.length) return 'is damaged (its central directory cannot be read)';
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const mode = (externalAttributes >>> 16) & S_IFMT;
    entries.push({
      name,
      encrypted: (flags & 0x1) !== 0,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      symlink: madeBy >> 8 === UNIX_HOST && mode === S_IFLNK,
      directory: name.endsWith('/'),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed data starts (after its local header), or a reason it cannot be found. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return 'is damaged (its local header is missing)';
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) return 'is damaged (its data runs past the end of the archive)';
  return start;
}
