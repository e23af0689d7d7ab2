/**
 * Inject attachments: files inside the pack folder, Markdown/text (kept as
 * text) or PNG/JPEG (checked by their first bytes, kept as base64).
 */
import { field, formatPackPath, items, type PackPath, str } from '../../engine';
import type { AttachmentMime, LocatedIssue, PackAttachment, PackOrigin } from '../../shared/packs';
import { formatBytes, PACK_LIMITS } from './limits';
import type { Locator } from './locate';
import { extensionOf, normalizePath, unsafePathReason } from './paths';

const MIME_BY_EXTENSION: Readonly<Record<string, AttachmentMime>> = {
  md: 'text/markdown',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** The MIME type of an attachment path, by extension. */
export const attachmentMime = (path: string): AttachmentMime | undefined =>
  Object.hasOwn(MIME_BY_EXTENSION, extensionOf(path)) ? MIME_BY_EXTENSION[extensionOf(path)] : undefined;

/** Why these bytes cannot be an attachment of this type, or the attachment itself. */
export function readAttachment(path: string, mime: AttachmentMime, bytes: Uint8Array): PackAttachment | string {
  if (bytes.byteLength > PACK_LIMITS.attachmentBytes) {
    return `is larger than ${formatBytes(PACK_LIMITS.attachmentBytes)}, the limit for an attachment`;
  }
  if (mime === 'image/png' || mime === 'image/jpeg') {
    const png = mime === 'image/png';
    if (!startsWith(bytes, png ? PNG_MAGIC : JPEG_MAGIC)) return `is not a ${png ? 'PNG' : 'JPEG'} image (its content does not start like one)`;
    return { path, mime, base64: Buffer.from(bytes).toString('base64'), bytes: bytes.byteLength };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { path, mime, text, bytes: bytes.byteLength };
  } catch {
    return 'is not UTF-8 text; save it as UTF-8';
  }
}

/** Reads every attachment the pack's injects name. */
export function collectAttachments(
  pack: unknown,
  files: ReadonlyMap<string, Uint8Array>,
  locate: Locator,
  origin: PackOrigin,
): { readonly attachments: Record<string, PackAttachment>; readonly issues: LocatedIssue[] } {
  const attachments: Record<string, PackAttachment> = {};
  const issues: LocatedIssue[] = [];
  const report = (path: PackPath, message: string) =>
    issues.push({ ...locate(path), path: formatPackPath(path), message, severity: 'error' });
  items(field(pack, 'injects')).forEach((inject, i) => {
    items(field(inject, 'attachments')).forEach((attachment, j) => {
      const raw = str(field(attachment, 'path'));
      const at: PackPath = ['injects', i, 'attachments', j, 'path'];
      if (raw === undefined) return; // the schema reports it
      const unsafe = unsafePathReason(raw);
      if (unsafe) return report(at, `the attachment "${raw}" ${unsafe}`);
      const path = normalizePath(raw);
      if (Object.hasOwn(attachments, path)) return;
      const mime = attachmentMime(path);
      if (!mime) return report(at, `the attachment "${raw}" has a type that is not allowed: use Markdown (.md), text (.txt), PNG (.png) or JPEG (.jpg, .jpeg)`);
      const bytes = files.get(path);
      if (!bytes) {
        const hint = origin.kind === 'file' ? ' (a single-file pack cannot have attachments: put the pack in a folder with pack.yaml)' : '';
        return report(at, `the attachment "${raw}" does not exist in the pack folder${hint}`);
      }
      const read = readAttachment(path, mime, bytes);
      if (typeof read === 'string') return report(at, `the attachment "${raw}" ${read}`);
      attachments[path] = read;
    });
  });
  return { attachments, issues };
}
