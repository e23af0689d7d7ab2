/** Limits that keep hostile or broken packs from exhausting memory or time (see README.md). */

const MB = 1024 * 1024;

/** Every limit the pack loader enforces. */
export const PACK_LIMITS = {
  /** One YAML/JSON file of the pack. */
  packFileBytes: 2 * MB,
  /** One attachment (Markdown, text, PNG, JPEG). */
  attachmentBytes: 5 * MB,
  /** All files of a pack together (a zip: its uncompressed content). */
  totalBytes: 20 * MB,
  /** Files in a pack (folders and zip archives). */
  files: 500,
  /** A zip archive itself, on disk. */
  zipBytes: 20 * MB,
  /** Zip entries, directories included (checked before any other work). */
  zipEntries: 2_000,
  /** Uncompressed : compressed size, for the whole archive and for any entry of 64 KiB or more. */
  zipRatio: 100,
  /** Entries smaller than this are exempt from the per-entry ratio check (tiny files compress oddly). */
  zipRatioMinEntryBytes: 64 * 1024,
  /** YAML alias expansions (the `yaml` package's `maxAliasCount`). */
  yamlAliases: 100,
  /** YAML aliases (`*name`) in one file: resolving each costs a walk of the document. */
  yamlAliasNodes: 100,
  /** Folder nesting followed when reading a pack folder. */
  folderDepth: 16,
} as const;

/** `2 MB` */
export const formatBytes = (bytes: number): string =>
  bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
