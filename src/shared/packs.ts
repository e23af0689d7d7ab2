/**
 * Results of loading a scenario pack, shared by main, CLI and renderer:
 * a loaded pack with its attachments and hash, or every problem located
 * as `file:line:col`.
 */
import type { Pack, Result } from '../engine';

/** Where a pack was loaded from. */
export type PackOrigin = { readonly kind: 'folder' | 'file' | 'zip'; readonly path: string };

/**
 * A problem located in a pack's files. `file` is relative to the pack
 * (e.g. `pack.yaml`, `moves.yaml`); problems with the container itself
 * (a zip's structure, a folder's size) name the container. `path` is the
 * JSON path inside the pack (`injects[3].when.all[0].var`, `$` for the root).
 */
export type LocatedIssue = {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
};

/** MIME types an attachment can have. */
export type AttachmentMime = 'text/markdown' | 'text/plain' | 'image/png' | 'image/jpeg';

/** A file attached to an inject: text inline, images as base64. */
export type PackAttachment = {
  /** Path inside the pack folder, as the inject names it (normalised, `/`-separated). */
  readonly path: string;
  readonly mime: AttachmentMime;
  readonly text?: string;
  readonly base64?: string;
  /** Size of the file in bytes. */
  readonly bytes: number;
};

/** A valid pack, ready to run. */
export type LoadedPack = {
  readonly pack: Pack;
  /** sha256 (hex) of the canonical JSON of `{ pack, attachments }`: identifies exactly this content. */
  readonly hash: string;
  readonly attachments: Readonly<Record<string, PackAttachment>>;
  readonly warnings: readonly LocatedIssue[];
  readonly origin: PackOrigin;
};

/** The outcome of loading a pack: never an exception. */
export type PackLoadResult = Result<LoadedPack, PackLoadFailure>;

/** A pack that did not load: every problem found, each with its location, and where the pack came from. */
export type PackLoadFailure = { readonly issues: readonly LocatedIssue[]; readonly origin: PackOrigin };

/**
 * How far loading a pack has got, for a progress display: reading its files
 * (`done` files so far, `total` 0 while unknown), parsing them (`done` of
 * `total` YAML/JSON files), validating, reading attachments.
 */
export type PackLoadProgress = {
  readonly step: 'reading' | 'parsing' | 'validating' | 'attachments';
  readonly done: number;
  readonly total: number;
};

/** `file:line:col: path: message`, prefixed with `warning: ` for warnings. */
export function formatIssue(issue: LocatedIssue): string {
  const text = `${issue.file}:${issue.line}:${issue.col}: ${issue.path}: ${issue.message}`;
  return issue.severity === 'warning' ? `warning: ${text}` : text;
}
