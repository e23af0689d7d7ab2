/** `vaim schema [--out file]`: prints (or writes) the JSON Schema of the pack format. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { packJsonSchema } from '../../engine';
import { parseCliArgs } from '../args';
import { type CliCommand, EXIT } from '../command';

const USAGE = `Usage: vaim schema [--out <file>]

Prints the JSON Schema (draft 2020-12) of the scenario pack format, for editor completion.
Point your editor at it, or add "$schema: <path>/pack.schema.json" to a pack.

Options:
  --out <file>  write it to a file instead of printing it
  --help        show this help
`;

/** The schema as written to disk: two-space indented, with a final newline. */
export const schemaText = (): string => `${JSON.stringify(packJsonSchema(), null, 2)}\n`;

/** The `schema` sub-command. */
export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'print the JSON Schema of the pack format (for editors)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs(args, { out: { type: 'string' } });
    const problem = 'error' in parsed ? parsed.error : parsed.positionals.length > 0 ? `unexpected argument ${parsed.positionals[0]}` : undefined;
    if (problem !== undefined || 'error' in parsed) {
      io.stderr(`vaim schema: ${problem}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const out = parsed.values.out as string | undefined;
    if (out === undefined) {
      io.stdout(schemaText());
      return EXIT.ok;
    }
    try {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, schemaText());
    } catch (error) {
      io.stderr(`vaim schema: could not write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.failure;
    }
    io.stdout(`wrote ${out}\n`);
    return EXIT.ok;
  },
};
