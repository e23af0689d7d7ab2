/** `role.assign`: gives a command role to a participant (setup, or late while running). */
import type { CommandOf } from '../command-schema';
import type { Ctx, Outcome } from '../context';
import { settleIfRunning } from './shared';

/** Assigns the role; re-assigning replaces the participant. */
export function roleAssign(ctx: Ctx, command: CommandOf<'role.assign'>): Outcome {
  ctx.state.roles[command.role] = command.participant;
  return settleIfRunning(ctx, 'roles');
}
