/**
 * Pack snapshots: runs store the exact `{ pack, attachments }` they were
 * played with; reading one back re-validates everything (it is a file on
 * disk, so untrusted) and recomputes the hash.
 */
import { err, field, formatPackPath, isRecord, items, str, validatePack } from '../../engine';
import type { LoadedPack, LocatedIssue, PackAttachment, PackLoadResult, PackOrigin } from '../../shared/packs';
import { attachmentMime, readAttachment } from './attachments';
import { packHash } from './hash';
import { containerIssue } from './issues';
import { normalizePath, unsafePathReason } from './paths';

/** What a run stores of its pack. */
export type PackSnapshot = { readonly pack: LoadedPack['pack']; readonly attachments: LoadedPack['attachments'] };

/** The snapshot to store for a loaded pack. */
export const toPackSnapshot = (loaded: LoadedPack): PackSnapshot => ({ pack: loaded.pack, attachments: loaded.attachments });

function decodeAttachment(key: string, value: unknown): PackAttachment | string {
  if (!isRecord(value)) return 'must be an attachment record';
  const unsafe = unsafePathReason(key);
  if (unsafe || normalizePath(key) !== key || value.path !== key) return unsafe ? `path ${unsafe}` : 'has a path that does not match its key';
  const mime = attachmentMime(key);
  if (!mime || value.mime !== mime) return `has the wrong type for "${key}"`;
  let bytes: Uint8Array;
  if (mime === 'image/png' || mime === 'image/jpeg') {
    if (typeof value.base64 !== 'string' || value.text !== undefined) return 'must carry its image as base64';
    bytes = Buffer.from(value.base64, 'base64');
    if (bytes.toString() !== '' && Buffer.from(bytes).toString('base64') !== value.base64) return 'has base64 that does not decode cleanly';
  } else {
    if (typeof value.text !== 'string' || value.base64 !== undefined) return 'must carry its text';
    bytes = new TextEncoder().encode(value.text);
  }
  if (value.bytes !== bytes.byteLength) return `says it has ${String(value.bytes)} bytes but has ${bytes.byteLength}`;
  const read = readAttachment(key, mime, bytes);
  return typeof read === 'string' ? read : read;
}

/** Re-validates a stored snapshot (an object, or its JSON text). Never throws. */
export function loadPackSnapshot(snapshot: unknown, origin: PackOrigin = { kind: 'file', path: 'pack-snapshot.json' }): PackLoadResult {
  const fail = (issues: readonly LocatedIssue[]): PackLoadResult => err({ issues, origin });
  const at = (path: string, message: string, severity: LocatedIssue['severity'] = 'error'): LocatedIssue => ({
    ...containerIssue(origin, message, severity),
    path,
  });
  let data = snapshot;
  if (typeof snapshot === 'string') {
    try {
      data = JSON.parse(snapshot);
    } catch {
      return fail([at('$', 'is not valid JSON')]);
    }
  }
  if (!isRecord(data) || !isRecord(data.attachments)) return fail([at('$', 'is not a pack snapshot ({ pack, attachments })')]);
  const validated = validatePack(data.pack);
  const packIssues = (validated.ok ? validated.value.warnings : validated.error).map((issue) =>
    at(formatPackPath(['pack', ...issue.path]), issue.message, issue.severity),
  );
  const attachments: Record<string, PackAttachment> = {};
  for (const [key, value] of Object.entries(data.attachments)) {
    const decoded = decodeAttachment(key, value);
    if (typeof decoded === 'string') packIssues.push(at(formatPackPath(['attachments', key]), decoded));
    else attachments[key] = decoded;
  }
  const used = new Set<string>();
  items(field(data.pack, 'injects')).forEach((inject, i) => {
    items(field(inject, 'attachments')).forEach((attachment, j) => {
      const path = str(field(attachment, 'path'));
      if (path === undefined || unsafePathReason(path)) return;
      used.add(normalizePath(path));
      if (!Object.hasOwn(data.attachments as object, normalizePath(path))) {
        packIssues.push(at(formatPackPath(['pack', 'injects', i, 'attachments', j, 'path']), `the attachment "${path}" is missing from the snapshot`));
      }
    });
  });
  for (const key of Object.keys(attachments)) {
    if (!used.has(key)) packIssues.push(at(formatPackPath(['attachments', key]), 'is not used by any inject'));
  }
  if (!validated.ok || packIssues.some((issue) => issue.severity === 'error')) return fail(packIssues);
  const pack = validated.value.pack;
  return { ok: true, value: { pack, hash: packHash(pack, attachments), attachments, warnings: packIssues, origin } };
}
