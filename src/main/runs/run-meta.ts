/**
 * `meta.json`: the cache of a run's history row. It is only a cache: a row
 * is taken from it only while the fingerprints it records (size and CRC-32
 * of header.json, pack.json and log.jsonl) match the files, so a stale or a
 * hand-edited cache is ignored and rebuilt from the files. It also records
 * how many log bytes had been saved (`savedBytes`), which lets the loader
 * tell a log cut short after it was saved from a line torn by a crash.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { simMinutesSchema } from '../../engine';

export const META_FILE = 'meta.json';
export const META_VERSION = 2;

const fingerprintSchema = z.strictObject({ size: z.number().int().nonnegative(), crc: z.number().int().nonnegative() });

/** A RunDamage (also recorded in the header of a run imported from a partial export, and in that export). */
export const damageSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().positive(),
  problem: z.string(),
  entriesKept: z.number().int().nonnegative(),
  message: z.string(),
});

const metaSchema = z.strictObject({
  metaVersion: z.literal(META_VERSION),
  files: z.strictObject({ header: fingerprintSchema, pack: fingerprintSchema, log: fingerprintSchema }),
  /** Bytes of complete, valid log lines when the cache was written (all of them saved). */
  savedBytes: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  packTitle: z.string(),
  phase: z.enum(['setup', 'running', 'ended']),
  paused: z.boolean(),
  simMinutes: simMinutesSchema,
  endMinutes: simMinutesSchema,
  score: z.strictObject({ total: z.number(), max: z.number() }).optional(),
  repaired: z.strictObject({ droppedBytes: z.number(), message: z.string() }).optional(),
  damage: damageSchema.optional(),
});

/** The cached, file-derived part of a history row. */
export type RunMeta = z.output<typeof metaSchema>;

/** Size and CRC-32 of a file's bytes. */
export type Fingerprint = z.output<typeof fingerprintSchema>;

/** The fingerprints of the three files a row is derived from. */
export type RunFingerprints = RunMeta['files'];

/** The fingerprint of some bytes. */
export function fingerprint(bytes: Uint8Array): Fingerprint {
  return { size: bytes.length, crc: crc32(bytes) };
}

const sameFingerprint = (a: Fingerprint, b: Fingerprint) => a.size === b.size && a.crc === b.crc;

/** True when the cache was written for exactly these files. */
export function metaMatches(meta: RunMeta, files: RunFingerprints): boolean {
  return sameFingerprint(meta.files.header, files.header) && sameFingerprint(meta.files.pack, files.pack) && sameFingerprint(meta.files.log, files.log);
}

function parseMeta(text: string | undefined): RunMeta | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = metaSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the cache; undefined when missing or not a valid cache. */
export async function readMeta(dir: string): Promise<RunMeta | undefined> {
  return parseMeta(await readFile(join(dir, META_FILE), 'utf8').catch(() => undefined));
}

/** `readMeta`, synchronously (the history listing; see run-history.ts). */
export function readMetaSync(dir: string): RunMeta | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(join(dir, META_FILE), 'utf8');
  } catch {
    text = undefined;
  }
  return parseMeta(text);
}

/**
 * Writes the cache (temp file + rename, so readers never see half of it).
 * No fsync: a cache lost in a power cut only costs a replay at the next
 * listing (and `savedBytes` only ever records bytes already synced).
 */
export async function writeMeta(dir: string, meta: RunMeta): Promise<void> {
  const temp = join(dir, `.${META_FILE}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(meta) + '\n', 'utf8');
    await rename(temp, join(dir, META_FILE));
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}

