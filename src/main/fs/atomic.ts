/** Crash-safe file replacement: write a temp file, fsync it, rename, fsync the directory. */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Replaces `filePath` with `content` atomically: readers see the old or the new file, never a torn one. */
export async function writeFileAtomic(filePath: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(filePath);
  const temp = join(dir, `.${basename(filePath)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/** fsyncs a directory so a rename in it survives a power cut (a no-op where the platform refuses). */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open directories for fsync; rename there is already durable enough.
  }
}
