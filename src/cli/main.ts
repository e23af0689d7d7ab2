/**
 * Entry of the `vaim` command (launched by vaim.mjs): dispatches to the
 * sub-commands of the registry. Returns the exit code; never throws.
 */
import { closestName } from '../engine';
import { type CliIo, EXIT } from './command';
import { terminalSafeIo } from './display';
import { COMMANDS } from './registry';

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

/** The text of `vaim --help`. */
export function generalUsage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: vaim <command> [options]',
    '',
    'V-AIM Command Trainer tools for scenario authors and automation.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "vaim <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

/**
 * Runs `vaim` with its arguments (without `node` and the script). Whatever a
 * command prints passes through `terminalSafe` (pack text is untrusted).
 */
export async function main(argv: readonly string[], rawIo: CliIo = processIo): Promise<number> {
  const io = terminalSafeIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(generalUsage());
    return EXIT.usage;
  }
  if (isHelp(name)) {
    const topic = COMMANDS.find((command) => command.name === rest[0]);
    io.stdout(topic ? topic.usage : generalUsage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const guess = closestName(name, COMMANDS.map((c) => c.name));
    io.stderr(`vaim: unknown command "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}\n\n${generalUsage()}`);
    return EXIT.usage;
  }
  if (rest.some((arg) => arg === '--help' || arg === '-h')) {
    io.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`vaim ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}
