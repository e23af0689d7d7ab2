/**
 * Room codes and participant tokens. A room code is 8 characters of
 * Crockford base32 (40 bits): with join attempts limited per address and
 * overall, guessing one while a room is open is out of reach. People type
 * it, so reading is forgiving (case, dashes, spaces, I/L for 1, O for 0).
 * Tokens are 256-bit random strings; only their SHA-256 is kept.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../../shared/room';

/** A fresh room code. */
export function newRoomCode(random: (bytes: number) => Uint8Array = randomBytes): string {
  // 32 symbols: the low 5 bits of each byte are uniform.
  return [...random(ROOM_CODE_LENGTH)].map((byte) => ROOM_CODE_ALPHABET[byte & 31]).join('');
}

/** Reads a typed code the way Crockford base32 is read: case-insensitive, I/L → 1, O → 0, separators ignored. */
export function normaliseRoomCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

/** Compares a typed code with the room's in constant time. */
export function codeMatches(typed: string, code: string): boolean {
  const a = Buffer.from(normaliseRoomCode(typed));
  const b = Buffer.from(code);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new participant token (given to the participant once; they present it to rejoin). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the room keeps of a token. */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');
