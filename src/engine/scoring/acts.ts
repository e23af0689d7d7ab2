/**
 * One notion of action. Everything that changes the world is an act with an
 * actor, a time, a stage and an authority check: a move, a decision answered
 * (its options' effects), a decision left to expire (its default), a pack
 * inject the facilitator released early, a facilitator's ad-hoc inject.
 * Scoring and the debrief read acts, never raw move ids.
 */
import type { Actor } from '../command-schema';
import type { CriterionId, DecisionId, InjectId, MoveId } from '../pack/primitives';
import type { Decision, Move, Pack } from '../pack/schema';
import { ROLE_TITLES, type MoveMark, type RoleId, type Stage } from '../pack/vocabulary';
import type { RunState, SimMinutes } from '../types';

/** Whether the actor had the authority for the act. */
export type Authority =
  | { readonly kind: 'ok' }
  /** Made by someone who does not own it (a role, or the facilitator/system recording it without a role). */
  | { readonly kind: 'outside'; readonly owners: readonly RoleId[] }
  /** Not a team act (a prompt expiring, the facilitator's own injects): nobody's authority applies. */
  | { readonly kind: 'unchecked' };

/** An act in a run: a move (its id a move id) or another act (a decision or inject id). */
export type Act = ActCommon & (
  | { readonly kind: 'move'; /** The move's id. */ readonly id: MoveId }
  | { readonly kind: 'decision' | 'expiry'; /** The decision prompt's id. */ readonly id: DecisionId }
  | { readonly kind: 'release' | 'adhoc'; /** The inject's id. */ readonly id: InjectId }
);

/** A move act (its id is the move's). */
export type MoveAct = Extract<Act, { readonly kind: 'move' }>;

/** What every act has, whatever its kind. */
type ActCommon = {
  /** Unique within a run: `move:<index>`, `decision:<id>`, `expiry:<id>`, `release:<inject>`, `adhoc:<id>`. */
  readonly key: string;
  /** Chosen options (decisions). */
  readonly options: readonly string[];
  /** For people: the move's label, or the prompt and the chosen options. */
  readonly label: string;
  readonly stage: Stage;
  readonly at: SimMinutes;
  /** When its effects applied (moves with a delay: later). */
  readonly effectiveAt: SimMinutes;
  readonly effective: boolean;
  readonly by?: Actor;
  readonly marks: readonly MoveMark[];
  readonly authority: Authority;
  /** The act's own cost applied (an unneeded or over-reaching act). */
  readonly cost?: { readonly points: number; readonly reason: string };
  /** Unmet recovery criteria at a restart (moves and options marked restart; packs without `recovery.inService`). */
  readonly gateViolation?: readonly CriterionId[];
};

const ownersOf = (move: Move): readonly RoleId[] => (Array.isArray(move.owner) ? move.owner : [move.owner]);

/** "the Incident Lead", "the facilitator", "the system", "nobody": an actor in a sentence. */
export function actorTitle(actor: Actor | undefined): string {
  if (actor === undefined) return 'nobody (it expired)';
  return actor in ROLE_TITLES ? `the ${ROLE_TITLES[actor as RoleId]}` : `the ${actor}`;
}

/** "the Technical Containment Lead or the Business Owner". */
export function rolesTitle(roles: readonly RoleId[]): string {
  return roles.length === 0 ? 'a command role' : roles.map((r) => `the ${ROLE_TITLES[r]}`).join(' or ');
}

function authorityOf(by: Actor | undefined, owners: readonly RoleId[] | undefined): Authority {
  if (by === undefined) return { kind: 'unchecked' };
  // No listed owners: any command role may act, but the facilitator or the system recording it without a role may not.
  const isRole = by !== 'facilitator' && by !== 'system';
  if (owners === undefined || owners.length === 0) return isRole ? { kind: 'ok' } : { kind: 'outside', owners: [] };
  return isRole && owners.includes(by as RoleId) ? { kind: 'ok' } : { kind: 'outside', owners };
}

/**
 * The stage a decision belongs to: Detect for severity and R3AI prompts;
 * otherwise the stage of the first inject (pack order) that opens it, else of
 * the first move that opens it, else Govern.
 */
export function decisionStage(pack: Pack, decision: Decision): Stage {
  if (decision.kind === 'severity' || decision.kind === 'r3ai') return 'detect';
  const opens = (effects: readonly object[] | undefined) => effects?.some((e) => 'open' in e && e.open === decision.id) ?? false;
  const inject = pack.injects.find((i) => i.opens?.includes(decision.id) || opens(i.effects));
  if (inject) return inject.stage;
  return pack.moves.find((m) => opens(m.effects))?.stage ?? 'govern';
}

/** The label of a decision option (severity and R3AI prompts have fixed ids). */
export function optionLabel(decision: Decision, id: string): string {
  const option = decision.options?.find((o) => o.id === id);
  if (option) return option.label;
  if (/^v[1-5]$/.test(id)) return `V${id.slice(1)}`;
  return id;
}

/** A short name of a decision prompt for sentences: its first paragraph without Markdown, or when longer than 90 characters its first sentence, or its words up to 90 characters with an ellipsis. */
export function decisionTitle(decision: Decision): string {
  // The prompt's first paragraph (a Markdown paragraph may run over several lines), as plain text.
  const paragraph = decision.prompt.split(/\n\s*\n/).find((p) => p.trim() !== '') ?? decision.id;
  const plain = paragraph.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= TITLE_LENGTH) return plain;
  // Its first sentence when that fits, else cut at a word with an ellipsis, never mid-word.
  const sentence = /^.+?[.?!:](?=\s)/.exec(plain)?.[0];
  if (sentence !== undefined && sentence.length <= TITLE_LENGTH) return sentence;
  const cut = plain.slice(0, TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** The longest title a prompt gets in the debrief's sentences. */
const TITLE_LENGTH = 90;

/** Every act of a run, in the order they happened (time, then log order). */
export function actsOf(pack: Pack, state: RunState): readonly Act[] {
  const moves = new Map(pack.moves.map((m) => [m.id, m]));
  const acts: { act: Act; order: number }[] = [];
  state.moves.forEach((record, index) => {
    const move = moves.get(record.moveId);
    if (move === undefined) return;
    acts.push({
      order: index,
      act: {
        key: `move:${index}`, kind: 'move', id: move.id, options: [], label: move.label, stage: move.stage,
        at: record.at, effectiveAt: record.effectiveAt, effective: record.effective, by: record.by,
        marks: move.marks ?? [], authority: authorityOf(record.by, ownersOf(move)),
        ...(record.costly && move.cost ? { cost: { points: move.cost.points, reason: move.cost.reason } } : {}),
        ...(record.gateViolation ? { gateViolation: record.gateViolation } : {}),
      },
    });
  });
  for (const decision of pack.decisions) {
    const record = state.decisions[decision.id];
    if (record === undefined || record.status === 'open') continue;
    const stage = decisionStage(pack, decision);
    const at = record.closedAt ?? record.openedAt;
    if (record.status === 'expired') {
      acts.push({
        order: 1e6,
        act: { key: `expiry:${decision.id}`, kind: 'expiry', id: decision.id, options: [], label: `“${decisionTitle(decision)}” expired unanswered`, stage, at, effectiveAt: at, effective: true, marks: [], authority: { kind: 'unchecked' } },
      });
      continue;
    }
    const chosen = (decision.options ?? []).filter((o) => record.options.includes(o.id));
    const costly = chosen.filter((o) => record.costly?.includes(o.id) && o.cost);
    const costPoints = costly.reduce((sum, o) => sum + (o.cost?.points ?? 0), 0);
    acts.push({
      order: 1e6,
      act: {
        key: `decision:${decision.id}`, kind: 'decision', id: decision.id, options: record.options,
        label: `“${decisionTitle(decision)}”: ${record.options.map((o) => optionLabel(decision, o)).join(' + ') || 'a written answer'}`,
        stage, at, effectiveAt: at, effective: true, ...(record.by === undefined ? {} : { by: record.by }),
        marks: [...new Set(chosen.flatMap((o) => o.marks ?? []))],
        authority: authorityOf(record.by, decision.askedTo),
        ...(costPoints > 0 ? { cost: { points: costPoints, reason: costly.map((o) => o.cost!.reason).join(' ') } } : {}),
        ...(record.gateViolation ? { gateViolation: record.gateViolation } : {}),
      },
    });
  }
  for (const item of state.feed) {
    if (!item.adhoc && !item.released) continue;
    const inject = pack.injects.find((i) => i.id === item.injectId);
    const label = item.adhoc ? `Ad-hoc inject “${item.content?.title ?? item.injectId}”` : `Inject “${inject?.title ?? item.injectId}” released early`;
    acts.push({
      order: 2e6,
      act: {
        key: `${item.adhoc ? 'adhoc' : 'release'}:${item.injectId}`, kind: item.adhoc ? 'adhoc' : 'release', id: item.injectId, options: [], label,
        stage: inject?.stage ?? 'detect', at: item.at, effectiveAt: item.at, effective: true, by: 'facilitator', marks: [], authority: { kind: 'unchecked' },
      },
    });
  }
  return acts.sort((a, b) => a.act.at - b.act.at || a.order - b.order).map((a) => a.act);
}

/** Whether the act counts as communication with people (a stakeholder communication that is neither misleading nor harmful). */
export const communicates = (act: Act): boolean =>
  act.marks.includes('stakeholder-communication') && !act.marks.includes('misleading') && !act.marks.includes('harmful');

/** Whether the act limits the harm: marked `containment`, never `harmful`. */
export const contains = (act: Act): boolean => act.marks.includes('containment') && !act.marks.includes('harmful');
