/**
 * `validatePack`: the one entry point that turns untrusted parsed data into
 * a `Pack`. It migrates older formats, applies the schema (with plain
 * messages), then the cross-checks, and reports every problem it finds.
 */
import { err, ok, type Result } from '../result';
import { crossCheckPack } from './cross-check';
import { hasErrors, packError, type PackIssue } from './issues';
import { type MigrationTable, migratePack, PACK_MIGRATIONS } from './migrate';
import { readPackParts } from './pack-parts';
import { checkPlainData } from './plain-data';
import { type Pack, packSchema } from './schema';
import { convertZodIssues } from './zod-issues';
import { plainErrorMap } from './zod-messages';

export { formatPackPath, type PackIssue, type PackPath } from './issues';
export type { MigrationTable, PackMigration } from './migrate';

/** Options of `validatePack` (tests substitute the migration table). */
export type ValidatePackOptions = { readonly migrations?: MigrationTable };

/** A valid pack and the warnings found while checking it. */
export type ValidatedPack = { readonly pack: Pack; readonly warnings: readonly PackIssue[] };

/**
 * Validates parsed pack data (from YAML or JSON). Never throws. Ok only
 * when there is no error; the error list carries warnings too.
 */
export function validatePack(input: unknown, options: ValidatePackOptions = {}): Result<ValidatedPack, PackIssue[]> {
  try {
    return validateUnsafe(input, options);
  } catch (error) {
    // Guard of last resort: a bug here must surface as a message, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return err([packError([], `could not be checked because of an internal error (${reason}); please report it`)]);
  }
}

function validateUnsafe(input: unknown, options: ValidatePackOptions): Result<ValidatedPack, PackIssue[]> {
  const unsafe = checkPlainData(input);
  if (unsafe.length > 0) return err(unsafe);
  const migrated = migratePack(input, options.migrations ?? PACK_MIGRATIONS);
  if (!migrated.ok && migrated.error.pack === undefined) return err([...migrated.error.issues]);
  const data = migrated.ok ? migrated.value.pack : migrated.error.pack;
  const first: PackIssue[] = migrated.ok ? [...migrated.value.warnings] : [...migrated.error.issues];

  const parsed = packSchema.safeParse(data, { error: plainErrorMap });
  const schemaIssues = parsed.success ? [] : convertZodIssues(parsed.error.issues, packSchema, data, []);
  // The cross-checks read only the parts that pass the schema, so they never flag what the schema already does.
  const crossIssues = crossCheckPack(readPackParts(data));
  const issues = [...first, ...schemaIssues, ...crossIssues];

  if (!parsed.success || hasErrors(issues)) return err(issues);
  return ok({ pack: parsed.data, warnings: issues.filter((issue) => issue.severity === 'warning') });
}
