/** Every `vaim` sub-command: add one import and one line to COMMANDS per command. */
import type { CliCommand } from './command';
import { exploreCommand } from './commands/explore';
import { lintCommand } from './commands/lint';
import { playCommand } from './commands/play';
import { playtestCommand } from './commands/playtest';
import { schemaCommand } from './commands/schema';
import { scoreCommand } from './commands/score';
import { validateCommand } from './commands/validate';

/** The sub-commands, in the order `vaim --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  lintCommand,
  playtestCommand,
  schemaCommand,
  playCommand,
  scoreCommand,
  exploreCommand,
];
