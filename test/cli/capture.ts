/** A CLI io that records what a command prints. */
import type { CliIo } from '../../src/cli/command';

/** Captured output plus the io that writes into it. */
export type Captured = { readonly io: CliIo; readonly out: () => string; readonly err: () => string };

/** A fresh capturing io. */
export function capture(): Captured {
  let out = '';
  let err = '';
  return {
    io: { stdout: (text) => (out += text), stderr: (text) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
