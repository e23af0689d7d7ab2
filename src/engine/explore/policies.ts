/**
 * The policies exploration tries: greedy ones (make every act the moment it
 * is allowed, with or without the harmful ones, with or without the answer
 * key) and seeded random ones. None of them reads the reference timeline
 * except where its name says so (`answer-key` classifications, `reference`
 * TRACE input): those are the strongest adversaries, not fair players.
 */
import type { Actor, Command } from '../command-schema';
import type { Decision, Move, Pack } from '../pack/schema';
import { acceptedOptionIds } from '../pack/decision-options';
import { actionItemIdSchema, type OptionId } from '../pack/primitives';
import { DEFAULT_READINESS_ITEMS, ROLE_IDS, type RoleId } from '../pack/vocabulary';
import { expectedSteps } from '../scoring/severity';
import type { Policy, PolicyView } from './policy';

type Entry = { by: Actor; command: Command };

/** Assign every pack role; answer every readiness item (yes, or at random). */
function setupOf(pack: Pack, readiness: (id: string) => boolean): Entry[] {
  const roles = pack.roles.map((r) => ({ by: 'facilitator' as const, command: { type: 'role.assign' as const, role: r.role, participant: `Player ${r.role}` } }));
  const items = (pack.readiness ?? DEFAULT_READINESS_ITEMS).map((i) => ({ by: 'facilitator' as const, command: { type: 'readiness.set' as const, item: i.id, value: readiness(i.id) } }));
  return [...roles, ...items];
}

const owners = (move: Move): readonly RoleId[] => (Array.isArray(move.owner) ? move.owner : [move.owner]);
/** A role that does not own the move (the wrong-role policies). */
const notOwner = (roles: readonly RoleId[]): RoleId => ROLE_IDS.find((r) => !roles.includes(r)) ?? 'incident-lead';

/** Whether a move is one a careful adversary would avoid: forbidden by the reference or marked as doing harm. */
export function isHarmful(pack: Pack, move: Move): boolean {
  return pack.reference.forbidden.some((f) => f.move === move.id) || (move.marks ?? []).some((m) => m === 'harmful' || m === 'irreversible' || m === 'misleading');
}

function answer(decision: Decision, mode: 'best' | 'random', random: () => number): Command | undefined {
  const options = acceptedOptionIds(decision);
  if (decision.kind === 'text') return { type: 'decision.answer', decision: decision.id, options: [], text: 'We will act on this and report back.' };
  const best = decision.best && decision.best.length > 0 ? decision.best : undefined;
  let chosen: OptionId[];
  if (mode === 'best' && best) chosen = decision.kind === 'multiple' ? [...best] : [best[0]!];
  else {
    if (options.length === 0) return undefined;
    chosen = decision.kind === 'multiple' ? options.filter(() => random() < 0.5) : [options[Math.floor(random() * options.length)]!];
    if (chosen.length === 0) chosen = [options[0]!];
  }
  return { type: 'decision.answer', decision: decision.id, options: chosen };
}

/** The classifications the answer key asks for now (what the evidence in the state calls for). */
function answerKeyClassifications(view: PolicyView, by: Actor): Entry[] {
  const steps = expectedSteps(view.pack, view.state);
  const step = steps[steps.length - 1];
  const out: Entry[] = [];
  const current = view.state.severity[view.state.severity.length - 1]?.level;
  if (step && current !== step.level) out.push({ by, command: { type: 'severity.classify', level: step.level } });
  const r3ai = [view.pack.reference.r3ai].flat()[0];
  if (step && r3ai && view.state.r3ai.length === 0) out.push({ by, command: { type: 'r3ai.classify', category: r3ai } });
  return out;
}

/** Options of the greedy policy. */
export type GreedyOptions = {
  /** Also make forbidden and harmful moves. */
  readonly harmful: boolean;
  /** Classify as the answer key says (once there is evidence), at a fixed level, or never. */
  readonly classify: 'answer-key' | 'never' | 1 | 2 | 3 | 4 | 5;
  readonly decisions: 'best' | 'random' | 'never';
  /** Act in the owner's role, or deliberately in a wrong one. */
  readonly roles: 'owner' | 'wrong';
  /** After the run: the reference's own TRACE input, junk (one-letter reflections, every option ticked), or nothing. */
  readonly trace: 'reference' | 'junk' | 'none';
};

/** TRACE input: the reference's own, or junk. */
export function traceEntries(pack: Pack, mode: GreedyOptions['trace']): Entry[] {
  if (mode === 'none') return [];
  if (mode === 'reference') {
    const end = pack.reference.timeline.findIndex((e) => e.command.type === 'run.end');
    return pack.reference.timeline.slice(end + 1).filter((e) => e.command.type.startsWith('trace.')).map((e) => ({ by: e.by, command: e.command }));
  }
  const trace = pack.reference.trace;
  const sections = ['trust', 'rootCause', 'accountability', 'correction', 'evolution'] as const;
  return [
    ...(trace.rootCause.candidates[0] ? [{ by: 'incident-lead' as const, command: { type: 'trace.rootCause' as const, candidate: trace.rootCause.candidates[0].id } }] : []),
    { by: 'incident-lead', command: { type: 'trace.select', section: 'correction', ids: trace.corrections.map((c) => c.id) } },
    { by: 'incident-lead', command: { type: 'trace.select', section: 'evolution', ids: trace.evolutions.map((c) => c.id) } },
    ...sections.map((section) => ({ by: 'incident-lead' as const, command: { type: 'trace.reflect' as const, section, text: 'x' } })),
    { by: 'incident-lead', command: { type: 'trace.actionItem.add', id: actionItemIdSchema.parse('x'), text: 'x', owner: 'incident-lead', due: '2030-01-01' } },
  ];
}

/** Every allowed act the moment it is allowed. */
export function greedyPolicy(name: string, options: GreedyOptions): Policy {
  const lead: Actor = options.roles === 'owner' ? 'incident-lead' : 'comms-lead';
  return {
    name,
    setup: (pack) => setupOf(pack, () => true),
    after: (pack) => traceEntries(pack, options.trace),
    act: (view) => {
      const out: Entry[] = [];
      if (options.classify === 'answer-key') out.push(...answerKeyClassifications(view, lead));
      else if (options.classify !== 'never' && view.state.severity.length === 0 && view.state.feed.length > 0) out.push({ by: lead, command: { type: 'severity.classify', level: options.classify } });
      for (const id of view.openDecisions) {
        const decision = view.pack.decisions.find((d) => d.id === id);
        if (!decision || options.decisions === 'never') continue;
        const command = answer(decision, options.decisions, view.random);
        const asked = decision.askedTo ?? ['incident-lead'];
        if (command) out.push({ by: options.roles === 'owner' ? asked[0]! : notOwner(asked), command });
      }
      for (const id of view.availableMoves) {
        const move = view.pack.moves.find((m) => m.id === id);
        if (!move || (!options.harmful && isHarmful(view.pack, move))) continue;
        out.push({ by: options.roles === 'owner' ? owners(move)[0]! : notOwner(owners(move)), command: { type: 'move.make', move: id } });
      }
      return out;
    },
  };
}

/**
 * A seeded random player: each allowed move with probability `pMove` at a
 * stop (so acts come at random delays), decisions answered at random or
 * best, a random first classification, readiness answered at random.
 */
export function randomPolicy(name: string, pMove: number): Policy {
  return {
    name,
    // Readiness answered at random (two in three "yes"), from the policy's own seeded stream.
    setup: (pack, random) => setupOf(pack, () => random() < 2 / 3),
    after: (pack) => traceEntries(pack, 'reference'),
    act: (view) => {
      const out: Entry[] = [];
      if (view.state.severity.length === 0 && view.state.feed.some((f) => view.pack.injects.find((i) => i.id === f.injectId)?.stage === 'detect') && view.random() < 0.5) {
        out.push({ by: 'incident-lead', command: { type: 'severity.classify', level: (1 + Math.floor(view.random() * 5)) as 1 | 2 | 3 | 4 | 5 } });
      }
      for (const id of view.openDecisions) {
        const decision = view.pack.decisions.find((d) => d.id === id);
        if (!decision || view.random() < 0.3) continue;
        const command = answer(decision, view.random() < 0.5 ? 'best' : 'random', view.random);
        if (command) out.push({ by: decision.askedTo?.[0] ?? 'incident-lead', command });
      }
      for (const id of view.availableMoves) {
        const move = view.pack.moves.find((m) => m.id === id);
        if (move && view.random() < pMove) out.push({ by: owners(move)[0]!, command: { type: 'move.make', move: id } });
      }
      return out;
    },
  };
}

/**
 * The team that does nothing: no roles, no readiness, no act, no debrief. The
 * branches an idle organisation meets (escalations, a regulator's letter, a
 * death) are often reached by this run alone.
 */
export function doNothingPolicy(): Policy {
  return { name: 'do-nothing', setup: () => [], act: () => [], after: () => [] };
}

/** The greedy policies exploration always tries. */
export function greedyPolicies(): Policy[] {
  return [
    greedyPolicy('greedy-every-act', { harmful: true, classify: 'answer-key', decisions: 'best', roles: 'owner', trace: 'reference' }),
    greedyPolicy('greedy-every-safe-act-with-answer-key', { harmful: false, classify: 'answer-key', decisions: 'best', roles: 'owner', trace: 'reference' }),
    greedyPolicy('greedy-every-safe-act', { harmful: false, classify: 'never', decisions: 'random', roles: 'owner', trace: 'none' }),
    greedyPolicy('greedy-every-safe-act-wrong-roles', { harmful: false, classify: 'answer-key', decisions: 'best', roles: 'wrong', trace: 'reference' }),
  ];
}
