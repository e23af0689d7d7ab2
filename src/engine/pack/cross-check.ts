/**
 * Checks beyond the schema: ids are unique and every reference resolves,
 * values fit their variables, timings fit the clock, and the reference
 * playbook is consistent. Runs on the raw (migrated) input, so it reports
 * alongside schema problems; it never throws on malformed data.
 */
import { buildContext } from './cross-check-context';
import { checkDuplicateIds } from './cross-check-ids';
import { checkInjectsAndDecisions } from './cross-check-injects';
import { checkModel } from './cross-check-model';
import { checkReference } from './cross-check-reference';
import type { PackIssue } from './issues';

/** All cross-reference problems of a pack (errors and warnings). */
export function crossCheckPack(pack: unknown): PackIssue[] {
  const ctx = buildContext(pack);
  checkDuplicateIds(ctx);
  checkModel(ctx);
  checkInjectsAndDecisions(ctx);
  checkReference(ctx);
  return ctx.issues;
}
