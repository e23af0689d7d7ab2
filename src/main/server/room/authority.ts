/**
 * What a participant may submit, decided on the server from the role their
 * token holds (never from the message): only commands of their own role
 * (the team's moves, decisions, classifications) and never the facilitator's
 * (clock, release, ad-hoc injects, notes, role assignment, ending the run).
 */
import type { Actor, Command, CommandType, Pack, RoleId } from '../../../engine';
import { ROLE_TITLES } from '../../../engine';

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


