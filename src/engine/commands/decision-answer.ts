/** `decision.answer`: answers an open decision prompt. */
import type { CommandOf } from '../command-schema';
import { type Ctx, type Outcome, q, reject } from '../context';
import { applyEffects } from '../effects';
import type { DecisionInfo } from '../pack-index';
import type { OptionId } from '../pack/primitives';
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
  const restart = (info.decision.options ?? []).some((o) => chosen.includes(o.id) && o.marks?.includes('restart'));
  const unmet = restart ? ctx.index.criteria.filter((c) => !c.condition.test(state)).map((c) => c.id) : [];
  const costly = (info.decision.options ?? [])
    .filter((o) => chosen.includes(o.id) && o.cost !== undefined && (o.cost.when === undefined || compiledCost(ctx, info.decision.id, o.id)))
    .map((o) => o.id);
  state.decisions[command.decision] = {
    ...record,
    status: 'answered',
    closedAt: now,
    options: chosen,
    ...(text === undefined ? {} : { text }),
    by: ctx.by,
    ...(costly.length > 0 ? { costly } : {}),
    ...(unmet.length > 0 ? { gateViolation: unmet } : {}),
  };
  const rationale = text === undefined || text.trim() === '' ? {} : { rationale: text };
  const first = chosen[0] ?? '';
  if (info.decision.kind === 'severity') {
    state.severity.push({ at: now, level: Number(first.slice(1)) as SeverityLevel, by: ctx.by, ...rationale });
  } else if (info.decision.kind === 'r3ai') {
    state.r3ai.push({ at: now, category: first as R3aiRecord['category'], by: ctx.by, ...rationale });
  }
  for (const option of info.decision.options ?? []) {
    if (chosen.includes(option.id)) applyEffects(ctx, option.effects, { kind: 'decision', decisionId: info.decision.id, options: chosen, by: ctx.by });
  }
  return settle(ctx);
}

/** Whether an option's cost condition holds now (conditions compiled once per pack, see pack-index.ts). */
function compiledCost(ctx: Ctx, decisionId: string, optionId: string): boolean {
  return ctx.index.optionCosts.get(`${decisionId}/${optionId}`)?.test(ctx.state) ?? true;
}

function checkAnswer(info: DecisionInfo, options: readonly OptionId[], text: string | undefined): Outcome {
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
