/**
 * DTOs of the pack library (src/main/library): the entries the Library
 * screen lists and the outcome of importing a pack. All plain JSON.
 */
import type { Pack, PackId, Result, RoleId, SeverityLevel } from '../engine';
import type { LocatedIssue, PackLoadProgress } from './packs';

/** Bundled packs ship with the app (read-only); imported ones live in userData/packs. */
export type PackSource = 'bundled' | 'imported';

/** What the library shows of a valid pack. */
export type PackSummary = {
  readonly id: PackId;
  readonly version: string;
  readonly title: string;
  readonly summary: string;
  readonly sector: string;
  readonly r3ai: Pack['r3ai'];
  readonly difficulty: Pack['difficulty'];
  readonly durationMinutes: number;
  readonly roles: readonly RoleId[];
  readonly tags: readonly string[];
  /** What the scenario teaches (the pack's learning objectives), shown on its card. */
  readonly learningObjectives: readonly string[];
  /**
   * The highest V-SEV level of the pack's reference (the incident at its peak).
   * It gives away part of the answer: the library offers it only as a facilitator's filter.
   */
  readonly severity: SeverityLevel;
  readonly hash: string;
};

/** A pack in the library that loaded. */
export type LibraryPackEntry = {
  readonly ok: true;
  readonly id: PackId;
  readonly source: PackSource;
  readonly path: string;
  readonly summary: PackSummary;
  /** Number of warnings the loader reported (the pack is usable). */
  readonly warnings: number;
};

/** A pack in the library that did not load: its problems, each with a location. */
export type BrokenLibraryEntry = {
  readonly ok: false;
  readonly id?: string;
  readonly source: PackSource;
  readonly path: string;
  readonly issues: readonly LocatedIssue[];
};

/** One row of the library: a broken pack shows its problems and never hides the others. */
export type LibraryEntry = LibraryPackEntry | BrokenLibraryEntry;

/**
 * A pack the user picked in the native dialog, as the renderer knows it: an
 * opaque handle (main keeps the path, so the renderer can never make main
 * read a path of its own choosing) and the file or folder name to show.
 */
export type PackSourceChoice = { readonly handle: string; readonly name: string };

/** The stages of an import: validating the chosen pack, copying it into the library, checking the copy. */
export type PackImportStage = 'validating' | 'copying' | 'checking-copy';

/** How far an import has got (an event while it runs). */
export type PackImportProgress = {
  readonly handle: string;
  readonly stage: PackImportStage;
  /** The loader's progress in the validating and checking stages. */
  readonly step?: PackLoadProgress;
};

/** Options of a pack import. */
export type PackImportOptions = {
  /** Replace an imported pack with the same id (the UI asks the user first). */
  readonly replace?: boolean;
};

/**
 * The outcome of importing a pack. `invalid`: nothing was copied.
 * `conflict`: an imported pack has the same id; call again with `replace: true`
 * to replace it. `bundled`: the id belongs to a bundled pack and cannot be replaced.
 */
export type PackImportResult = Result<PackImported, PackImportFailure>;

/** A pack imported into the library (`replaced`: it took the place of an imported pack with the same id). */
export type PackImported = { readonly entry: LibraryPackEntry; readonly replaced: boolean };

/** Why an import did not happen. */
export type PackImportFailure =
  | { readonly reason: 'invalid'; readonly issues: readonly LocatedIssue[] }
  | { readonly reason: 'conflict'; readonly existing: PackSummary }
  | { readonly reason: 'bundled' | 'io' | 'unsupported'; readonly message: string };

/** The outcome of removing an imported pack: the id removed, or why not. */
export type PackRemoveResult = Result<{ readonly removed: string }, PackRemoveFailure>;

/** Why a pack was not removed. */
export type PackRemoveFailure = { readonly reason: 'not-found' | 'bundled' | 'io'; readonly message: string };
