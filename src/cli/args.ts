/**
 * Command-line arguments for every sub-command: Node's `parseArgs` with two
 * things it gets wrong for our users. A negative number after an option
 * (`--seed -1`) is taken as the option's value (Node calls it "ambiguous"),
 * so the value check can say what is wrong with it; and Node's errors are
 * reworded into one plain sentence.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed values and positionals, or the plain message of what is wrong. */
export type ParsedArgs = { readonly values: Record<string, string | boolean | undefined>; readonly positionals: readonly string[] } | { readonly error: string };

const NUMBER = /^-\d/;

/** `--name -1` → `--name=-1` for options that take a value. */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

function plain(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^']*)'/.exec(message)?.[1]?.split(' ')[0];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} does not take a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trim();
    default:
      return message.split('\n')[0] ?? message;
  }
}

/** Parses `args` against `options` (strict, positionals allowed). */
export function parseCliArgs(args: readonly string[], options: Options): ParsedArgs {
  try {
    const parsed = parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    return { error: plain(error) };
  }
}

/** The largest seed (the engine's PRNG takes 32 bits). */
export const MAX_SEED = 0xffffffff;

/** A `--seed` value: a whole number from 0 to 4294967295 (default `fallback`), or what is wrong with it. */
export function parseSeed(text: string | undefined, fallback = 1): number | { readonly error: string } {
  if (text === undefined) return fallback;
  if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_SEED) return { error: `--seed must be a whole number from 0 to ${MAX_SEED}, got "${text}"` };
  return Number(text);
}

/** A count option (`--runs`): a whole number from `min` to `max`, or what is wrong with it. */
export function parseCount(name: string, text: string | undefined, fallback: number, min: number, max: number): number | { readonly error: string } {
  if (text === undefined) return fallback;
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) return { error: `--${name} must be a whole number from ${min} to ${max}, got "${text}"` };
  return Number(text);
}
