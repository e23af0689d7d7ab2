/**
 * The minimal valid pack fixture (test/fixtures/packs/minimal/pack.yaml) as
 * raw input, freshly parsed for every call so tests can mutate it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatPackPath, type PackIssue } from '../../../src/engine/pack/issues';

/** Folder of the minimal pack. */
export const MINIMAL_PACK_DIR = fileURLToPath(new URL('../../fixtures/packs/minimal', import.meta.url));
/** Its pack.yaml. */
export const MINIMAL_PACK_FILE = `${MINIMAL_PACK_DIR}/pack.yaml`;

const text = readFileSync(MINIMAL_PACK_FILE, 'utf8');

/** The YAML text of the minimal pack. */
export const minimalPackText = (): string => text;

/** A fresh, mutable copy of the minimal pack as parsed YAML (the raw input). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary places
export const minimalPackInput = (): any => parse(text);

/** `severity path: message`, the way the tests compare issues. */
export const describeIssue = (issue: PackIssue): string =>
  `${issue.severity} ${formatPackPath(issue.path)}: ${issue.message}`;
