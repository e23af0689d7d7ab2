/** `inject.adhoc`: the facilitator adds an inject of their own to the feed. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';

/**
 * The id must not clash with a pack inject or an earlier ad-hoc inject. No
 * settle: pack conditions can only name pack injects, so nothing they read
 * changes.
 */
export function injectAdhoc(ctx: Ctx, command: CommandOf<'inject.adhoc'>): Outcome {
  const state = ctx.state;
  if (ctx.index.injects.has(command.id)) {
    return reject('already-done', `Inject id ${q(command.id)} is already used by an inject of this pack.`);
  }
  if (state.fired[command.id] !== undefined) {
    return reject('already-done', `Inject id ${q(command.id)} is already used by an earlier ad-hoc inject.`);
  }
  const now = state.clock.now;
  state.fired[command.id] = now;
  state.feed.push({
    injectId: command.id,
    at: now,
    adhoc: true,
    released: false,
    content: { title: command.title, body: command.body, channel: command.channel, visibleTo: command.visibleTo },
  });
  ctx.facts.push({ type: 'inject.fired', at: now, injectId: command.id, adhoc: true });
  return undefined;
}
