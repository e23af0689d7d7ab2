/** `decision.answer`: answers an open decision prompt. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';
import { applyEffects } from '../effects';
import type { DecisionInfo } from '../pack-index';
import type { SeverityLevel } from '../pack/vocabulary';
import { settle } from '../settle';
import type { R3aiRecord } from '../types';

/**
 * The prompt must be open and the answer must fit its kind. Severity and
 * R3AI prompts also record the team's classification. Chosen options'
 * effects apply in the pack's option order, then the state settles.
 */
export function decisionAnswer(ctx: Ctx, command: CommandOf<'decision.answer'>): Outcome {
  const state = ctx.state;
  const info = ctx.index.decisions.get(command.decision);
  if (info === undefined) return reject('unknown-id', `There is no decision ${q(command.decision)} in this pack.`);
  const record = state.decisions[command.decision];
  if (record === undefined) return reject('not-allowed', `Decision ${q(command.decision)} has not been asked yet.`);
  if (record.status !== 'open') {
    return reject('already-done', `Decision ${q(command.decision)} is already ${record.status}.`);
  }
  const problem = checkAnswer(info, command.options, command.text);
  if (problem !== undefined) return problem;
  const order = [...info.optionIds];
  const chosen = [...command.options].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const now = state.clock.now;
  const text = command.text;
  state.decisions[command.decision] = {
    ...record,
    status: 'answered',
    closedAt: now,
    options: chosen,
    ...(text === undefined ? {} : { text }),
    by: ctx.by,
  };
  const rationale = text === undefined || text.trim() === '' ? {} : { rationale: text };
  const first = chosen[0] ?? '';
  if (info.decision.kind === 'severity') {
    state.severity.push({ at: now, level: Number(first.slice(1)) as SeverityLevel, by: ctx.by, ...rationale });
  } else if (info.decision.kind === 'r3ai') {
    state.r3ai.push({ at: now, category: first as R3aiRecord['category'], by: ctx.by, ...rationale });
  }
  for (const option of info.decision.options ?? []) {
    if (chosen.includes(option.id)) applyEffects(ctx, option.effects);
  }
  return settle(ctx);
}

function checkAnswer(info: DecisionInfo, options: readonly string[], text: string | undefined): Outcome {
  const id = info.decision.id;
  const unknown = options.filter((o) => !info.optionIds.has(o));
  if (unknown.length > 0) {
    const valid = [...info.optionIds].map((o) => q(o)).join(', ') || 'none';
    return reject('unknown-id', `Decision ${q(id)} has no option ${unknown.map((o) => q(o)).join(', ')} (options: ${valid}).`);
  }
  if (new Set(options).size !== options.length) {
    return reject('invalid-command', `The answer to decision ${q(id)} lists an option twice.`);
  }
  const kind = info.decision.kind;
  if ((kind === 'single' || kind === 'severity' || kind === 'r3ai') && options.length !== 1) {
    return reject('invalid-command', `Decision ${q(id)} takes exactly one option; the answer has ${options.length}.`);
  }
  if (kind === 'multiple' && options.length === 0) {
    return reject('invalid-command', `Decision ${q(id)} takes at least one option; the answer has none.`);
  }
  if (kind === 'text' && (text === undefined || text.trim() === '')) {
    return reject('invalid-command', `Decision ${q(id)} needs a written answer (text); none was given.`);
  }
  return undefined;
}
