/**
 * The pack library: the bundled packs (the app's `scenarios/`, read-only)
 * and the imported ones (`<userData>/packs/<packId>/`). A broken pack is
 * listed with its located problems and never hides the others. Loads are
 * cached by a fingerprint of the files, so listing reloads only what changed.
 */
import type { PackId } from '../../engine';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { err, idSchema, ok, type SeverityLevel } from '../../engine';
import type { LibraryEntry, LibraryPackEntry, PackImportOptions, PackImportResult, PackImportStage, PackRemoveResult, PackSource, PackSummary } from '../../shared/library';
import type { LoadedPack, LocatedIssue, PackLoadProgress, PackLoadResult } from '../../shared/packs';
import { writeFileAtomic, syncDirectory } from '../fs/atomic';
import { loadPack as realLoadPack } from '../packs/index';
import { copyPackFolder, fingerprint, isIgnoredName, MANIFEST_FILE, readManifest, type ImportManifest } from './library-files';

/** Options of the pack library. */
export type PackLibraryOptions = {
  /** The app's bundled `scenarios/` folder (read-only). */
  readonly bundledDir: string;
  /** `<userData>/packs`. */
  readonly userDir: string;
  /** The pack loader (defaults to the real one, in this thread; the app passes one that runs on a worker). */
  readonly loadPack?: PackLoad;
  readonly wallNow?: () => Date;
};

/** Loads a pack, telling `onProgress` how far it has got. */
export type PackLoad = (path: string, onProgress?: (progress: PackLoadProgress) => void) => Promise<PackLoadResult>;

/** How far an import has got: its stage, and the loader's progress while validating or checking. */
export type ImportProgress = (stage: PackImportStage, step?: PackLoadProgress) => void;

/** The pack library. */
export type PackLibrary = {
  readonly list: () => Promise<LibraryEntry[]>;
  /** A valid pack by id (bundled first), or undefined. */
  readonly get: (packId: PackId) => Promise<LoadedPack | undefined>;
  readonly import: (sourcePath: string, options?: PackImportOptions, onProgress?: ImportProgress) => Promise<PackImportResult>;
  readonly remove: (packId: PackId) => Promise<PackRemoveResult>;
};

const PACK_FILE = /\.(ya?ml|json|zip)$/i;

/** The summary the library shows of a loaded pack. */
export function summarize(loaded: LoadedPack): PackSummary {
  const { pack } = loaded;
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    summary: pack.summary,
    sector: pack.sector,
    r3ai: pack.r3ai,
    difficulty: pack.difficulty,
    durationMinutes: pack.durationMinutes,
    roles: pack.roles.map((r) => r.role),
    tags: pack.tags,
    learningObjectives: pack.learningObjectives,
    severity: peakSeverity(pack),
    hash: loaded.hash,
  };
}

/** A failure of the loader (see packs/worker-loader.ts), not a problem of the pack. */
const isLoaderFailure = (issue: LocatedIssue): boolean => issue.path === '$' && /^(could not be loaded|took longer than)/.test(issue.message);

const issue = (file: string, message: string): LocatedIssue => ({ file, line: 1, col: 1, path: '$', message, severity: 'error' });

/** The highest level of the reference severity steps (the incident at its peak). */
export const peakSeverity = (pack: LoadedPack['pack']): SeverityLevel =>
  pack.reference.severity.reduce<SeverityLevel>((top, step) => (step.level > top ? step.level : top), 1);

/** Creates the pack library. */
export function createPackLibrary(options: PackLibraryOptions): PackLibrary {
  const { bundledDir, userDir } = options;
  const loadPack: PackLoad = options.loadPack ?? ((path, onProgress) => realLoadPack(path, onProgress ? { onProgress } : {}));
  const wallNow = options.wallNow ?? (() => new Date());
  // Loads by path and fingerprint; a load still running is shared (the start-up listing and the first view's request).
  const cache = new Map<string, { print: string; result: Promise<PackLoadResult> }>();

  const loadCached = async (path: string): Promise<PackLoadResult> => {
    let print: string;
    try {
      print = await fingerprint(path);
    } catch {
      return loadPack(path);
    }
    const hit = cache.get(path);
    if (hit && hit.print === print) return hit.result;
    const result = loadPack(path);
    const entry = { print, result };
    cache.set(path, entry);
    // A load the loader itself could not finish (stopped, crashed, closing) is tried again next time.
    void result.then((r) => {
      if (!r.ok && r.error.issues.some(isLoaderFailure) && cache.get(path) === entry) cache.delete(path);
    });
    return result;
  };

  type Candidate = { source: PackSource; path: string; dirId?: string; problem?: string };

  const bundledCandidates = async (): Promise<Candidate[]> => {
    const names = await readdir(bundledDir, { withFileTypes: true }).catch(() => []);
    return names
      .filter((d) => !isIgnoredName(d.name) && (d.isDirectory() || (d.isFile() && PACK_FILE.test(d.name))))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((d) => ({ source: 'bundled', path: join(bundledDir, d.name) }));
  };

  const importedCandidates = async (): Promise<Candidate[]> => {
    const names = await readdir(userDir, { withFileTypes: true }).catch(() => []);
    const dirs = names.filter((d) => d.isDirectory() && !isIgnoredName(d.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
    return Promise.all(
      dirs.map(async (d): Promise<Candidate> => {
        const dir = join(userDir, d.name);
        const manifest = await readManifest(dir);
        if (typeof manifest === 'string') return { source: 'imported', path: dir, dirId: d.name, problem: manifest };
        return { source: 'imported', path: join(dir, manifest.entry), dirId: d.name };
      }),
    );
  };

  /** Every entry with its load result (kept for `get`). */
  const scan = async (): Promise<{ entry: LibraryEntry; loaded?: LoadedPack }[]> => {
    const candidates = [...(await bundledCandidates()), ...(await importedCandidates())];
    const results = await Promise.all(candidates.map(async (c) => ({ c, result: c.problem ? undefined : await loadCached(c.path) })));
    const seen = new Map<string, string>();
    return results.map(({ c, result }) => {
      const broken = (issues: readonly LocatedIssue[]) => ({ entry: { ok: false as const, ...(c.dirId ? { id: c.dirId } : {}), source: c.source, path: c.path, issues } });
      if (!result) return broken([issue(MANIFEST_FILE, c.problem ?? 'cannot be read')]);
      if (!result.ok) return broken(result.error.issues);
      const id = result.value.pack.id;
      if (c.dirId !== undefined && c.dirId !== id) return broken([issue(basename(c.path), `holds pack "${id}" but is stored as "${c.dirId}"; import it again`)]);
      const first = seen.get(id);
      if (first) return broken([issue(basename(c.path), `has the id "${id}" of another pack in the library (${first}); ids must be unique`)]);
      seen.set(id, c.path);
      const entry: LibraryPackEntry = { ok: true, id, source: c.source, path: c.path, summary: summarize(result.value), warnings: result.value.warnings.length };
      return { entry, loaded: result.value };
    });
  };

  const library: PackLibrary = {
    list: async () => (await scan()).map((s) => s.entry),
    get: async (packId) => (await scan()).find((s) => s.entry.ok && s.entry.id === packId)?.loaded,
    import: async (sourcePath, importOptions, onProgress = () => {}) => {
      const loaded = await loadPack(sourcePath, (step) => onProgress('validating', step));
      if (!loaded.ok) return err({ reason: 'invalid', issues: loaded.error.issues });
      const id = loaded.value.pack.id;
      const entries = await scan();
      const same = entries.filter((s) => s.entry.id === id);
      if (same.some((s) => s.entry.source === 'bundled')) {
        return err({ reason: 'bundled', message: `A pack with the id "${id}" ships with the app and cannot be replaced; give the imported pack another id` });
      }
      const existing = same.find((s) => s.entry.ok)?.entry;
      if (existing?.ok && !importOptions?.replace) return err({ reason: 'conflict', existing: existing.summary });
      return copyIn(sourcePath, loaded.value, same.length > 0, onProgress);
    },
    remove: async (packId) => {
      if (!idSchema.safeParse(packId).success) return err({ reason: 'not-found', message: `Invalid pack id ${JSON.stringify(packId)}` });
      const entries = await scan();
      if (entries.some((s) => s.entry.source === 'bundled' && s.entry.id === packId)) {
        return err({ reason: 'bundled', message: `"${packId}" ships with the app and cannot be removed` });
      }
      const dir = join(userDir, packId);
      if (!(await exists(dir))) return err({ reason: 'not-found', message: `There is no imported pack "${packId}"` });
      try {
        const trash = join(userDir, `.old-${randomUUID()}`);
        await rename(dir, trash);
        await rm(trash, { recursive: true, force: true });
        return ok({ removed: packId });
      } catch (error) {
        return err({ reason: 'io', message: `Could not remove "${packId}": ${errorText(error)}` });
      }
    },
  };

  /** Copies a validated source into `userDir/<id>/` through a temp folder, checks the copy, then renames it into place. */
  const copyIn = async (sourcePath: string, loaded: LoadedPack, replacing: boolean, onProgress: ImportProgress): Promise<PackImportResult> => {
    const id = loaded.pack.id;
    const temp = join(userDir, `.tmp-${randomUUID()}`);
    const kind = loaded.origin.kind;
    const entryName = kind === 'folder' ? 'pack' : basename(sourcePath);
    try {
      onProgress('copying');
      await mkdir(temp, { recursive: true });
      if (kind === 'folder') await copyPackFolder(sourcePath, join(temp, entryName));
      else await copyFile(sourcePath, join(temp, entryName));
      const manifest: ImportManifest = { manifestVersion: 1, kind, entry: entryName, importedAt: wallNow().toISOString(), source: sourcePath };
      await writeFileAtomic(join(temp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
      // The copy must be the very pack that was validated (a symbolic link it relied on, or a change during the copy, would differ).
      const copied = await loadPack(join(temp, entryName), (step) => onProgress('checking-copy', step));
      if (!copied.ok) return fail(temp, err({ reason: 'invalid', issues: [issue(basename(sourcePath), 'does not load once copied without its symbolic links; replace the links by the files'), ...copied.error.issues] }));
      if (copied.value.hash !== loaded.hash) return fail(temp, err({ reason: 'invalid', issues: [issue(basename(sourcePath), 'changed while it was being imported, or depends on symbolic links; import it again')] }));
      const target = join(userDir, id);
      const old = join(userDir, `.old-${randomUUID()}`);
      const hadOld = await exists(target);
      if (hadOld) await rename(target, old);
      try {
        await rename(temp, target);
      } catch (error) {
        if (hadOld) await rename(old, target).catch(() => {});
        throw error;
      }
      await syncDirectory(userDir);
      if (hadOld) await rm(old, { recursive: true, force: true }).catch(() => {});
      cache.delete(join(target, entryName));
      const entry: LibraryPackEntry = { ok: true, id, source: 'imported', path: join(target, entryName), summary: summarize(copied.value), warnings: copied.value.warnings.length };
      return ok({ entry, replaced: replacing });
    } catch (error) {
      return fail(temp, err({ reason: 'io', message: `Could not copy the pack into the library: ${errorText(error)}` }));
    }
  };

  return library;
}

async function fail(temp: string, result: PackImportResult): Promise<PackImportResult> {
  await rm(temp, { recursive: true, force: true }).catch(() => {});
  return result;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
