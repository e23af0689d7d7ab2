/**
 * The fast path of `loadPackFromFiles`: parse every file with the fast
 * parser, merge includes, validate. It returns a loaded pack only when there
 * is nothing to report at all (no error, no warning); otherwise undefined,
 * and the caller takes the located path, which finds every problem with its
 * file, line and column. Both paths build the same value from the same text
 * (test/main/packs/fast-path.test.ts holds them equal).
 */
import { validatePack } from '../../engine/pack/validate';
import { isRecord } from '../../engine/pack/loose';
import type { LoadedPack, PackOrigin } from '../../shared/packs';
import { collectAttachments } from './attachments';
import { fastParse } from './fast-yaml';
import { jsonSyntaxIssues } from './json-syntax';
import { packHash } from './hash';
import { PACK_LIMITS } from './limits';
import { extensionOf, normalizePath, unsafePathReason } from './paths';

const PACK_EXTENSIONS = new Set(['yaml', 'yml', 'json']);

function parseFile(bytes: Uint8Array | undefined, name: string): { readonly value: unknown } | undefined {
  if (!bytes || bytes.byteLength > PACK_LIMITS.packFileBytes) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  // JSON that YAML would accept (a trailing comma) is still an error: the located path reports it.
  if (name.toLowerCase().endsWith('.json') && jsonSyntaxIssues(name, text).length > 0) return undefined;
  return fastParse(text);
}

function includedPath(entry: unknown, mainFile: string, seen: Set<string>): string | undefined {
  if (typeof entry !== 'string' || unsafePathReason(entry)) return undefined;
  const path = normalizePath(entry);
  if (!PACK_EXTENSIONS.has(extensionOf(path)) || path === mainFile || seen.has(path)) return undefined;
  seen.add(path);
  return path;
}

/** Main file plus includes, merged as `assemblePack` does; undefined on anything it would report. */
function assembleFast(files: ReadonlyMap<string, Uint8Array>, mainFile: string): Record<string, unknown> | undefined {
  const main = parseFile(files.get(mainFile), mainFile);
  if (!main || !isRecord(main.value)) return undefined;
  const value: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(main.value)) if (key !== 'include') value[key] = item;
  const include = main.value['include'];
  if (include === undefined) return value;
  if (!Array.isArray(include)) return undefined;
  const seen = new Set<string>();
  for (const entry of include) {
    const path = includedPath(entry, mainFile, seen);
    const parsed = path === undefined ? undefined : parseFile(files.get(path), path);
    if (!parsed) return undefined;
    if (parsed.value === null || parsed.value === undefined) continue;
    if (!isRecord(parsed.value)) return undefined;
    for (const [key, item] of Object.entries(parsed.value)) {
      const existing = value[key];
      if (key === 'include' || (Object.hasOwn(value, key) && !(Array.isArray(existing) && Array.isArray(item)))) return undefined;
      value[key] = Object.hasOwn(value, key) ? [...(existing as unknown[]), ...(item as unknown[])] : item;
    }
  }
  return value;
}

/** The loaded pack when it is entirely clean, else undefined (take the located path). */
export function loadPackFast(files: ReadonlyMap<string, Uint8Array>, mainFile: string, origin: PackOrigin): LoadedPack | undefined {
  const assembled = assembleFast(files, mainFile);
  if (!assembled) return undefined;
  const validated = validatePack(assembled);
  if (!validated.ok || validated.value.warnings.length > 0) return undefined;
  const nowhere = () => ({ file: mainFile, line: 1, col: 1 });
  const attachments = collectAttachments(assembled, files, nowhere, origin);
  if (attachments.issues.length > 0) return undefined;
  const pack = validated.value.pack;
  return { pack, hash: packHash(pack, attachments.attachments), attachments: attachments.attachments, warnings: [], origin };
}
