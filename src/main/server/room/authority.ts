/**
 * What a participant may submit, decided on the server from the role their
 * token holds (never from the message): only commands of their own role
 * (the team's moves, decisions, classifications) and never the facilitator's
 * (clock, release, ad-hoc injects, notes, role assignment, ending the run).
 */
import { type Actor, actorSchema, type Command, commandSchema, type CommandType, type Pack, ROLE_TITLES, type RoleId } from '../../../engine';
import type { SubmitRequest } from '../../../shared/runs';

/** The commands a participant may submit, as their role. */
export const PARTICIPANT_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['move.make', 'decision.answer', 'severity.classify', 'r3ai.classify']);

/** Why a participant's command is refused, or undefined when it may go to the session. */
export function participantRefusal(pack: Pack, role: RoleId | null, by: Actor, command: Command): string | undefined {
  if (role === null) return 'You have no command role yet: wait for the facilitator to give you one.';
  if (by !== role) return `You take part as the ${ROLE_TITLES[role]}; a command as ${JSON.stringify(by)} is not yours to make.`;
  if (!PARTICIPANT_COMMANDS.has(command.type)) return `Only the facilitator can do that (${command.type}).`;
  if (command.type === 'decision.answer') {
    const askedTo = pack.decisions.find((d) => d.id === command.decision)?.askedTo;
    if (askedTo && !askedTo.includes(role)) {
      return `This decision is for the ${askedTo.map((r) => ROLE_TITLES[r]).join(' or ')}; you can vote on it instead.`;
    }
  }
  return undefined;
}

export type ParsedCommand = { ok: true; by: Actor; command: Command } | { ok: false; message: string };

/** Reads a participant's request with the engine's own schemas (the session checks them again). */
export function parseParticipantCommand(request: SubmitRequest): ParsedCommand {
  const by = actorSchema.safeParse(request.by);
  if (!by.success) return { ok: false, message: `by: ${by.error.issues[0]?.message ?? 'invalid'}` };
  const command = commandSchema.safeParse(request.command);
  if (command.success) return { ok: true, by: by.data, command: command.data };
  const issue = command.error.issues[0];
  return { ok: false, message: `command${issue && issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}` };
}
