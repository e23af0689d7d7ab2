/**
 * Checks beyond the schema: ids are unique and every reference resolves,
 * values fit their variables, timings fit the clock, and the reference
 * playbook is consistent. They read the pack's parts that parse
 * (`pack-parts.ts`), so they report alongside the schema's problems with
 * the rest of the pack, and only ever see typed data.
 */
import { buildContext } from './cross-check-context';
import { checkDuplicateIds } from './cross-check-ids';
import { checkInjectsAndDecisions } from './cross-check-injects';
import { checkModel } from './cross-check-model';
import { checkReference } from './cross-check-reference';
import type { PackIssue } from './issues';
import type { PackParts } from './pack-parts';

/** All cross-reference problems of a pack's parsed parts (errors and warnings). */
export function crossCheckPack(parts: PackParts): PackIssue[] {
  const ctx = buildContext(parts);
  checkDuplicateIds(ctx);
  checkModel(ctx);
  checkInjectsAndDecisions(ctx);
  checkReference(ctx);
  return ctx.issues;
}
