/**
 * The one path every pack takes, whatever it came from (folder, single
 * file, zip): files in memory → assembled data → validated pack +
 * attachments + hash, or every problem located.
 */
import { err, type PackIssue, validatePack } from '../../engine';
import type { LoadedPack, LocatedIssue, PackLoadProgress, PackLoadResult, PackOrigin } from '../../shared/packs';
import { collectAttachments } from './attachments';
import { assemblePack } from './assemble';
import { packHash } from './hash';
import { containerIssue, locateIssue, sortIssues } from './issues';
import { formatBytes, PACK_LIMITS } from './limits';
import type { Locator } from './locate';
import { extensionOf } from './paths';
import { HELD_BACK, syntaxErrorsFirst } from './syntax-first';

/**
 * The locator of every pack this process loaded from files, by its parsed
 * pack object (kept out of `LoadedPack`, which is plain data sent over IPC).
 */
const locators = new WeakMap<object, Locator>();

/**
 * Locates issues found later about a loaded pack (e.g. the scoring
 * self-check) in its files, as the loader locates its own; the container at
 * 1:1 when this process did not load it from files (e.g. a run's snapshot).
 */
export function locatePackIssues(loaded: LoadedPack, issues: readonly PackIssue[]): LocatedIssue[] {
  const locate = locators.get(loaded.pack) ?? (() => ({ file: containerIssue(loaded.origin, '').file, line: 1, col: 1 }));
  return issues.map((issue) => locateIssue(locate, issue));
}

/** Names the main file of a pack folder may have, in order of preference. */
export const MAIN_FILE_NAMES = ['pack.yaml', 'pack.yml', 'pack.json'] as const;

const fail = (origin: PackOrigin, issues: readonly LocatedIssue[]): PackLoadResult => err({ issues, origin });

/** The container has no main pack file. */
export function missingMainFile(origin: PackOrigin): LocatedIssue {
  const where = origin.kind === 'zip' ? 'at the top of the zip (or inside its single top-level folder)' : 'in the pack folder';
  return containerIssue(origin, `has no pack.yaml (or pack.yml / pack.json) ${where}`);
}

function findMainFile(files: ReadonlyMap<string, Uint8Array>, origin: PackOrigin): string | LocatedIssue {
  const present = MAIN_FILE_NAMES.filter((name) => files.has(name));
  if (present.length > 1) return containerIssue(origin, `has both ${present.join(' and ')}: keep one main pack file`);
  if (present[0]) return present[0];
  const single = [...files.keys()].filter((name) => ['yaml', 'yml', 'json'].includes(extensionOf(name)));
  if (origin.kind === 'file' && single.length === 1 && single[0]) return single[0];
  return missingMainFile(origin);
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

/** Options of a load: who hears how far it has got. */
export type LoadOptions = { readonly onProgress?: (progress: PackLoadProgress) => void };

/**
 * Loads a pack from its files (paths relative to the pack folder, `/`
 * separated). Never throws.
 */
export function loadPackFromFiles(files: ReadonlyMap<string, Uint8Array>, origin: PackOrigin, options: LoadOptions = {}): PackLoadResult {
  const progress = options.onProgress ?? (() => {});
  try {
    const limits = checkLimits(files, origin);
    if (limits.length > 0) return fail(origin, limits);
    const main = findMainFile(files, origin);
    if (typeof main !== 'string') return fail(origin, [main]);
    const read = assemblePack(files, main, origin, (done, total) => progress({ step: 'parsing', done, total }));
    const { assembled } = read;
    const readIssues = syntaxErrorsFirst(read.issues);
    if (!assembled) return fail(origin, readIssues);
    // A file that cannot be read makes the rest look missing: report what stops reading, hold back what follows from it.
    if (hasReadErrors(readIssues)) return fail(origin, [...sortIssues(readIssues, assembled.files), containerIssue(origin, HELD_BACK, 'warning')]);
    progress({ step: 'validating', done: 0, total: 1 });
    const validated = validatePack(assembled.value);
    const packIssues = validated.ok ? validated.value.warnings : validated.error;
    progress({ step: 'attachments', done: 0, total: 1 });
    const attachments = collectAttachments(assembled.value, files, assembled.locate, origin);
    const issues = sortIssues(
      [...readIssues, ...packIssues.map((issue) => locateIssue(assembled.locate, issue)), ...attachments.issues],
      assembled.files,
    );
    if (!validated.ok || issues.some((issue) => issue.severity === 'error')) return fail(origin, issues);
    const pack = validated.value.pack;
    locators.set(pack, assembled.locate);
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
