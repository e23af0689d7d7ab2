/** `role.unassign`: takes a command role away from its participant. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';
import { settleIfRunning } from './shared';

/** Rejects with `already-done` when nobody holds the role. */
export function roleUnassign(ctx: Ctx, command: CommandOf<'role.unassign'>): Outcome {
  if (ctx.state.roles[command.role] === undefined) {
    return reject('already-done', `Role ${q(command.role)} is not assigned to anyone.`);
  }
  delete ctx.state.roles[command.role];
  return settleIfRunning(ctx, 'roles');
}
