/**
 * `vaim validate <path...>`: loads each pack (folder, YAML/JSON file or zip)
 * and prints its problems as `file:line:col: path: message`.
 */
import { statSync } from 'node:fs';
import { loadPack } from '../../main/packs/load-pack';
import type { LoadedPack, LocatedIssue, PackOrigin } from '../../shared/packs';
import { parseCliArgs } from '../args';
import { type CliCommand, EXIT } from '../command';
import { displayIssue } from '../display';
import { lintLoaded } from './lint';
import { scoringSelfCheck, selfCheckOf } from './score';

/**
 * Extra checks of a valid pack beyond the loader's (e.g. "the reference
 * playbook scores ≥ 95"). Append a function here; it returns located
 * issues, and any error makes the pack invalid.
 */
export const selfChecks: Array<(loaded: LoadedPack) => LocatedIssue[]> = [scoringSelfCheck];

const USAGE = `Usage: vaim validate <path...> [--json]

Checks scenario packs and prints every problem as file:line:col: path: message,
then the warnings of "vaim lint" for each valid pack (they do not make it invalid).
A path is a pack folder (with pack.yaml), a single .yaml/.yml/.json file, or a .zip of a pack folder.
Documents among the paths (.md, .txt, .html, .pdf files) are skipped, so "vaim validate scenarios/*" works.

Options:
  --json    print a machine-readable result instead
  --help    show this help

Exit status: 0 when every pack is valid (warnings allowed), 1 when any is not, 2 on a usage error.
`;

/** The result for one path, as `--json` prints it. */
export type ValidateResult = {
  readonly path: string;
  readonly ok: boolean;
  readonly origin: PackOrigin;
  readonly pack?: { readonly id: string; readonly version: string; readonly title: string; readonly hash: string };
  /** The scoring self-check's figures: the reference, doing nothing, and the best greedy policy. */
  readonly selfCheck?: {
    readonly referenceScore?: number;
    readonly doNothingScore?: number;
    readonly bestGreedy?: { readonly policy: string; readonly score: number };
  };
  readonly issues: readonly LocatedIssue[];
};

async function validateOne(path: string): Promise<ValidateResult> {
  const result = await loadPack(path);
  if (!result.ok) return { path, ok: false, origin: result.error.origin, issues: result.error.issues };
  const loaded = result.value;
  const extra = selfChecks.flatMap((check) => check(loaded));
  // The linter's warnings never make a pack invalid; a pack whose self-check failed is not linted (its runs mean little).
  const lint = extra.some((issue) => issue.severity === 'error') ? [] : (await lintLoaded(loaded)).warnings;
  const issues = [...loaded.warnings, ...extra, ...lint];
  const { id, version, title } = loaded.pack;
  const { issues: _issues, ...figures } = selfCheckOf(loaded);
  return { path, ok: !extra.some((issue) => issue.severity === 'error'), origin: loaded.origin, pack: { id, version, title, hash: loaded.hash }, selfCheck: figures, issues };
}

function describe(result: ValidateResult): string {
  const lines = result.issues.map((issue) => displayIssue(result.origin, issue));
  const figures = result.selfCheck;
  if (figures && (figures.referenceScore !== undefined || figures.doNothingScore !== undefined)) {
    const parts = [
      figures.referenceScore === undefined ? 'reference: cannot be played' : `reference ${figures.referenceScore}`,
      figures.doNothingScore === undefined ? '' : `doing nothing ${figures.doNothingScore}`,
      figures.bestGreedy ? `best greedy policy ${figures.bestGreedy.score} (${figures.bestGreedy.policy})` : '',
    ].filter(Boolean);
    lines.push(`  self-check: ${parts.join(', ')}`);
  }
  if (result.ok && result.pack) {
    lines.push(`✓ ${result.path}: ${result.pack.title} (${result.pack.id} ${result.pack.version})`);
  } else {
    const errors = result.issues.filter((issue) => issue.severity === 'error').length;
    lines.push(`✗ ${result.path}: ${errors} ${errors === 1 ? 'problem' : 'problems'}`);
  }
  return `${lines.join('\n')}\n`;
}

const DOCUMENT_FILE = /\.(md|markdown|txt|html?|pdf)$/i;

/** A regular file that is documentation (Markdown, text, HTML, PDF) rather than a pack. */
function isDocumentFile(path: string): boolean {
  if (!DOCUMENT_FILE.test(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The `validate` sub-command. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check scenario packs and report every problem with file:line:col',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs(args, { json: { type: 'boolean' } });
    if ('error' in parsed) {
      io.stderr(`vaim validate: ${parsed.error}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const paths = parsed.positionals;
    if (paths.length === 0) {
      io.stderr(`vaim validate: give at least one pack path\n\n${USAGE}`);
      return EXIT.usage;
    }
    // A shell glob over a scenarios folder (`vaim validate scenarios/*`) also picks up its guide: documents are skipped, not failed.
    const documents = paths.filter(isDocumentFile);
    const packs = paths.filter((path) => !documents.includes(path));
    if (!parsed.values.json) for (const path of documents) io.stdout(`– ${path}: skipped (a document, not a pack)\n`);
    if (packs.length === 0) {
      io.stderr(`vaim validate: none of the paths is a pack (a folder, a .yaml/.yml/.json file or a .zip)\n`);
      return EXIT.usage;
    }
    const results: ValidateResult[] = [];
    for (const path of packs) {
      const result = await validateOne(path);
      results.push(result);
      if (!parsed.values.json) io.stdout(describe(result));
    }
    const ok = results.every((result) => result.ok);
    if (parsed.values.json) io.stdout(`${JSON.stringify({ ok, packs: results }, null, 2)}\n`);
    return ok ? EXIT.ok : EXIT.failure;
  },
};
