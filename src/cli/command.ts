/** The shape of a `vaim` sub-command; each lives in `commands/<name>.ts`. */

/** Where a command writes; tests pass a capturing one instead of the process streams. */
export type CliIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
};

/**
 * One sub-command. `run` returns the exit code: 0 success, 1 failure
 * (e.g. an invalid pack), 2 usage error.
 */
export type CliCommand = {
  readonly name: string;
  /** One line for `vaim --help`. */
  readonly summary: string;
  /** The full usage text for `vaim <name> --help`. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
};

/** Exit codes. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
