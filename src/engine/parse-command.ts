/** Parsing untrusted input (IPC, files, scripts) into a command. */
import type { z } from 'zod';
import { type Actor, actorSchema, type Command, commandSchema } from './command-schema';
import { err, ok, type Result } from './result';

/** Formats zod issues as `path: message; …`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root = 'command'): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? `${root}.${issue.path.map(String).join('.')}` : root}: ${issue.message}`)
    .join('; ');
}

/** Validates `input` as a command; the error names the offending field. */
export function parseCommand(input: unknown): Result<Command, string> {
  const parsed = commandSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(formatIssues(parsed.error.issues));
}

/** A command and who submits it, both checked. */
export type Submission = { readonly by: Actor; readonly command: Command };

/** Validates an untrusted `{ by, command }` (a view's or a participant's submit); the error names the offending field. */
export function parseSubmission(input: { readonly by: unknown; readonly command: unknown } | undefined): Result<Submission, string> {
  const by = actorSchema.safeParse(input?.by);
  if (!by.success) return err(formatIssues(by.error.issues, 'by'));
  const command = parseCommand(input?.command);
  return command.ok ? ok({ by: by.data, command: command.value }) : command;
}
