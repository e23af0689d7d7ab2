/** Temp folders, zips and result formatting for the pack loader tests. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ZipOptions, zipSync } from 'fflate';
import { afterEach } from 'vitest';
import { formatIssue, type PackLoadResult } from '../../../src/shared/packs';

/** The fixtures folder of packs. */
export const PACK_FIXTURES = fileURLToPath(new URL('../../fixtures/packs', import.meta.url));

const created: string[] = [];

/** Removes the temp folders a test created (registered once per test file). */
export function cleanTempDirsAfterEach(): void {
  afterEach(async () => {
    await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
}

/** A new empty folder under the OS temp folder. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vaim-packs-'));
  created.push(dir);
  return dir;
}

/** Writes files (relative `/` paths) under `root`. */
export async function writeTree(root: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

/** A zip of the given entries (fflate; per-entry options such as Unix file modes allowed). */
export function makeZip(entries: Readonly<Record<string, string | Uint8Array | readonly [string | Uint8Array, ZipOptions]>>): Uint8Array {
  const bytes = (content: string | Uint8Array) => (typeof content === 'string' ? new TextEncoder().encode(content) : content);
  const input: Record<string, Uint8Array | [Uint8Array, ZipOptions]> = {};
  for (const [name, value] of Object.entries(entries)) {
    input[name] = Array.isArray(value) ? [bytes(value[0] as string | Uint8Array), value[1] as ZipOptions] : bytes(value as string | Uint8Array);
  }
  return zipSync(input, { level: 6 });
}

/**
 * Edits the central-directory record (and the local header) of one zip
 * entry, to forge what fflate will not write (encryption flags, odd
 * methods, lying sizes). `patch` gets a view and the record's offset.
 */
export function patchZipEntry(zip: Uint8Array, name: string, patch: (view: DataView, central: number, local: number) => void): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const decoder = new TextDecoder();
  for (let at = 0; at + 46 <= copy.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (decoder.decode(copy.subarray(at + 46, at + 46 + length)) === name) {
      patch(view, at, view.getUint32(at + 42, true));
      return copy;
    }
  }
  throw new Error(`no entry ${name} in the zip`);
}

/** The issues of a load result as `file:line:col: path: message` lines (warnings too). */
export const issueLines = (result: PackLoadResult): string[] =>
  (result.ok ? result.value.warnings : result.error.issues).map((issue) => formatIssue(issue));
