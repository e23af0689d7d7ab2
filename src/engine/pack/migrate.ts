/**
 * Pack format migrations. A pack says which format it is written in
 * (`format`); before validation, older packs are carried forward one
 * version at a time through this table, so they are migrated, never
 * misread.
 *
 * Format 1 → 2: format 2 only adds optional fields, so a format-1 pack means
 * exactly the same thing in format 2 and is carried forward unchanged.
 */
import { err, ok, type Result } from '../result';
import { packError, packWarning, type PackIssue } from './issues';
import { isRecord, type Json } from './loose';
import { PACK_FORMAT_VERSION } from './schema';
import { describeValue } from './suggest';

/** Carries a pack from format `from` to `from + 1`. Must not mutate its input. */
export type PackMigration = {
  /** What changed, for the warning shown to the author. */
  readonly note: string;
  readonly migrate: (pack: Json) => Json;
};

/** Migrations keyed by the format they read (n → n + 1). */
export type MigrationTable = Readonly<Record<number, PackMigration>>;

/** The app's migrations. Add an entry here when format n + 1 replaces format n. */
export const PACK_MIGRATIONS: MigrationTable = {
  1: {
    note: 'format 2 only adds optional fields, so nothing in the pack changes meaning',
    migrate: (pack) => pack,
  },
};

/** The outcome of migrating: the pack in the current format, plus warnings to show. */
export type Migrated = { readonly pack: Json; readonly warnings: readonly PackIssue[] };

/**
 * Checks `format` and migrates an older pack to `target`. A missing
 * `format` is an error, but the pack is still read as the current format so
 * the author sees its other problems too.
 */
export function migratePack(
  input: unknown,
  migrations: MigrationTable = PACK_MIGRATIONS,
  target: number = PACK_FORMAT_VERSION,
): Result<Migrated, { readonly issues: readonly PackIssue[]; readonly pack?: Json }> {
  if (!isRecord(input)) {
    return err({ issues: [packError([], `a pack must be a mapping of keys such as format, id and title (found ${describeValue(input)})`)] });
  }
  if (!Object.hasOwn(input, 'format') || input.format === undefined) {
    const missing = packError(['format'], `is required but missing: add "format: ${target}" at the top of the pack (the pack format version)`);
    return err({ issues: [missing], pack: { ...input, format: target } });
  }
  const format = input.format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 0) {
    return err({ issues: [packError(['format'], `must be a whole number, the pack format version, such as ${target} (found ${describeValue(format)})`)] });
  }
  if (format > target) {
    return err({ issues: [packError(['format'], `this pack needs a newer version of the app (format ${format}; this app reads format ${target})`)] });
  }
  let pack: Json = input;
  const warnings: PackIssue[] = [];
  for (let version = format; version < target; version += 1) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step) {
      return err({ issues: [packError(['format'], `format ${version} is not a pack format this app can read (it reads format ${target})`)] });
    }
    try {
      const next = step.migrate(pack);
      if (!isRecord(next)) throw new Error('the migration did not return a mapping');
      pack = { ...next, format: version + 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return err({ issues: [packError(['format'], `could not migrate this pack from format ${version} to ${version + 1}: ${reason}`)] });
    }
    warnings.push(packWarning(['format'], `written in format ${version} and migrated to format ${version + 1} when read (${step.note}); update the pack to format ${target}`));
  }
  return ok({ pack, warnings });
}
