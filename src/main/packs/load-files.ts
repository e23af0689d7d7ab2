/**
 * The one path every pack takes, whatever it came from (folder, single
 * file, zip): files in memory → assembled data → validated pack +
 * attachments + hash, or every problem located.
 */
import { validatePack } from '../../engine/pack/validate';
import type { LocatedIssue, PackLoadResult, PackOrigin } from '../../shared/packs';
import { collectAttachments } from './attachments';
import { assemblePack } from './assemble';
import { packHash } from './hash';
import { containerIssue, locateIssue, sortIssues } from './issues';
import { formatBytes, PACK_LIMITS } from './limits';
import { loadPackFast } from './fast-load';
import { extensionOf } from './paths';
import { HELD_BACK, syntaxErrorsFirst } from './syntax-first';

/** Names the main file of a pack folder may have, in order of preference. */
export const MAIN_FILE_NAMES = ['pack.yaml', 'pack.yml', 'pack.json'] as const;

const fail = (origin: PackOrigin, issues: readonly LocatedIssue[]): PackLoadResult => ({ ok: false, issues, origin });

function findMainFile(files: ReadonlyMap<string, Uint8Array>, origin: PackOrigin): string | LocatedIssue {
  const present = MAIN_FILE_NAMES.filter((name) => files.has(name));
  if (present.length > 1) return containerIssue(origin, `has both ${present.join(' and ')}: keep one main pack file`);
  if (present[0]) return present[0];
  const single = [...files.keys()].filter((name) => ['yaml', 'yml', 'json'].includes(extensionOf(name)));
  if (origin.kind === 'file' && single.length === 1 && single[0]) return single[0];
  const where = origin.kind === 'zip' ? 'at the top of the zip (or inside its single top-level folder)' : 'in the pack folder';
  return containerIssue(origin, `has no pack.yaml (or pack.yml / pack.json) ${where}`);
}

const hasReadErrors = (issues: readonly LocatedIssue[]) => issues.some((issue) => issue.severity === 'error');

function checkLimits(files: ReadonlyMap<string, Uint8Array>, origin: PackOrigin): LocatedIssue[] {
  if (files.size > PACK_LIMITS.files) return [containerIssue(origin, `has ${files.size} files; a pack may have at most ${PACK_LIMITS.files}`)];
  let total = 0;
  for (const bytes of files.values()) total += bytes.byteLength;
  if (total > PACK_LIMITS.totalBytes) {
    return [containerIssue(origin, `holds more than ${formatBytes(PACK_LIMITS.totalBytes)} in all, the limit for a pack`)];
  }
  return [];
}

/**
 * Loads a pack from its files (paths relative to the pack folder, `/`
 * separated). Never throws. `fastPath: false` skips the fast parse (tests
 * use it to hold both paths equal).
 */
export function loadPackFromFiles(
  files: ReadonlyMap<string, Uint8Array>,
  origin: PackOrigin,
  options: { readonly fastPath?: boolean } = {},
): PackLoadResult {
  try {
    const limits = checkLimits(files, origin);
    if (limits.length > 0) return fail(origin, limits);
    const main = findMainFile(files, origin);
    if (typeof main !== 'string') return fail(origin, [main]);
    // A clean pack needs no source positions: try the fast parse first (see fast-load.ts).
    const fast = options.fastPath === false ? undefined : loadPackFast(files, main, origin);
    if (fast) return { ok: true, value: fast };
    const read = assemblePack(files, main, origin);
    const { assembled } = read;
    const readIssues = syntaxErrorsFirst(read.issues);
    if (!assembled) return fail(origin, readIssues);
    // A file that cannot be read makes the rest look missing: report what stops reading, hold back what follows from it.
    if (hasReadErrors(readIssues)) return fail(origin, [...sortIssues(readIssues, assembled.files), containerIssue(origin, HELD_BACK, 'warning')]);
    const validated = validatePack(assembled.value);
    const packIssues = validated.ok ? validated.value.warnings : validated.error;
    const attachments = collectAttachments(assembled.value, files, assembled.locate, origin);
    const issues = sortIssues(
      [...readIssues, ...packIssues.map((issue) => locateIssue(assembled.locate, issue)), ...attachments.issues],
      assembled.files,
    );
    if (!validated.ok || issues.some((issue) => issue.severity === 'error')) return fail(origin, issues);
    const pack = validated.value.pack;
    return {
      ok: true,
      value: { pack, hash: packHash(pack, attachments.attachments), attachments: attachments.attachments, warnings: issues, origin },
    };
  } catch (error) {
    // Guard of last resort: a loader bug must reach the author as a message.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(origin, [containerIssue(origin, `could not be loaded because of an internal error (${reason}); please report it`)]);
  }
}
