/** `inject.adhoc`: the facilitator adds an inject of their own to the feed. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';
import { applyEffects } from '../effects';
import { settle } from '../settle';

/**
 * The id must not clash with a pack inject or an earlier ad-hoc inject; its
 * effects may only name the pack's variables with values of their type.
 * Without effects there is no settle: pack conditions can only name pack
 * injects, so nothing they read changes.
 */
export function injectAdhoc(ctx: Ctx, command: CommandOf<'inject.adhoc'>): Outcome {
  const state = ctx.state;
  if (ctx.index.injects.has(command.id)) {
    return reject('already-done', `Inject id ${q(command.id)} is already used by an inject of this pack.`);
  }
  if (state.fired[command.id] !== undefined) {
    return reject('already-done', `Inject id ${q(command.id)} is already used by an earlier ad-hoc inject.`);
  }
  for (const effect of command.effects ?? []) {
    const id = 'set' in effect ? effect.set : effect.add;
    const current = state.vars[id];
    if (current === undefined) return reject('unknown-id', `The ad-hoc inject's effect names ${q(id)}, which is not a variable of this pack.`);
    const value = 'set' in effect ? effect.to : effect.by;
    if (typeof value !== typeof current || ('add' in effect && typeof current !== 'number')) {
      return reject('invalid-command', `The ad-hoc inject's effect on ${q(id)} does not fit the variable (a ${typeof current}).`);
    }
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
  if (command.effects === undefined || command.effects.length === 0) return undefined;
  applyEffects(ctx, command.effects, { kind: 'adhoc', injectId: command.id, by: ctx.by });
  return settle(ctx);
}
