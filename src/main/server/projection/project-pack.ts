/**
 * The projected pack a presenter or participant replays the log over. It
 * keeps everything the engine reducer reads — ids, timing, conditions,
 * effects, decision options (and the `restart` mark the recovery gate reads),
 * move owners, obligations, recovery criteria and the ids of the TRACE
 * choices — and withholds what the audience may not see: the reference
 * playbook (severity, required and forbidden moves, timeline, TRACE answers),
 * the pack's R3AI category, rationales and best options, the scoring
 * internals that give the answers away (the costs of acts and why, the marks
 * `harmful`, `misleading` …, missed-obligation and gate costs, harm scales,
 * stage weights), the facilitator's notes (always), other roles' private
 * briefs and the text and attachments of injects not addressed to them.
 * After the debrief is released only the facilitator's notes stay withheld.
 *
 * Replaying a log over the projected pack gives the same state as over the
 * full pack, except for the scoring annotations the reducer derives from the
 * withheld costs (`costly` on moves and decisions), which no projected view
 * shows.
 */
import type { Decision, Inject, Move, Pack, Reference, TraceChoiceId } from '../../../engine';
import type { PackSnapshot } from '../../../shared/runs';
import { type Audience, mayRead, mayReadAnswers } from './audience';

/** What withheld text is replaced with (empty: the reducer never reads it). */
const WITHHELD = '';

/** Projects a pack snapshot for an audience (the facilitator's is returned unchanged). */
export function projectSnapshot(snapshot: PackSnapshot, audience: Audience): PackSnapshot {
  if (audience.kind === 'facilitator') return snapshot;
  const pack = projectPack(snapshot.pack, audience);
  const attachments = Object.fromEntries(
    pack.injects.flatMap((inject) => (inject.attachments ?? []).map((a) => a.path)).flatMap((path) => {
      const attachment = snapshot.attachments[path];
      return attachment ? [[path, attachment] as const] : [];
    }),
  );
  return { pack, attachments, hash: snapshot.hash };
}

/** Projects a pack for an audience. */
export function projectPack(pack: Pack, audience: Audience): Pack {
  if (audience.kind === 'facilitator') return pack;
  const answers = mayReadAnswers(audience);
  const { r3ai, reference, debrief, weights, ...rest } = pack;
  const projected = {
    ...rest,
    ...(answers ? { moves: pack.moves, obligations: pack.obligations, recovery: pack.recovery, metrics: pack.metrics } : withholdScoring(pack)),
    // The projector shows no private brief; a participant reads their own role's (every role's after the debrief).
    roles: pack.roles.map((r) => (audience.kind === 'participant' && mayRead(audience, [r.role]) ? r : { role: r.role, brief: WITHHELD })),
    injects: pack.injects.map((inject) => (mayRead(audience, inject.visibleTo) ? inject : withholdInject(inject))),
    decisions: answers ? pack.decisions : pack.decisions.map(withholdRationales),
    reference: answers ? reference : withholdReference(reference),
    // The facilitator's notes never leave the facilitator's windows, not even after the debrief is released.
    debrief: { questions: debrief?.questions ?? [], facilitatorNotes: WITHHELD },
    ...(answers ? { r3ai, ...(weights ? { weights } : {}) } : {}),
  };
  // `r3ai` (the pack's own category, i.e. the answer to the R3AI classification) is absent before release,
  // from the pack and from its reference: the one way this is not a Pack. The reducer never reads either.
  return projected as Pack;
}

function withholdInject(inject: Inject): Inject {
  const { from: _from, attachments: _attachments, ...rest } = inject;
  return { ...rest, title: WITHHELD, body: WITHHELD };
}

function withholdRationales(decision: Decision): Decision {
  const { best: _best, ...rest } = decision;
  const options = decision.options?.map(({ rationale: _rationale, cost: _cost, marks, ...option }) =>
    // The reducer reads one mark: choosing a `restart` option puts the system back into service (the gate).
    marks?.includes('restart') ? { ...option, marks: ['restart' as const] } : option,
  );
  return { ...rest, ...(options ? { options } : {}) };
}

/** Costs, marks, scales: what scoring reads and the reducer does not (apart from the moves' owners and timing). */
function withholdScoring(pack: Pack): Pick<Pack, 'moves' | 'obligations' | 'recovery' | 'metrics'> {
  const moves = pack.moves.map(({ cost: _cost, marks: _marks, ...move }): Move => move as Move);
  const obligations = pack.obligations.map(({ missedCost: _missed, ...obligation }) => obligation);
  const { breachCost: _breach, ...recovery } = pack.recovery;
  const { harmScale: _scale, ...metrics } = pack.metrics;
  return { moves, obligations, recovery, metrics: { ...metrics, harms: metrics.harms.map(({ scale: _s, ...harm }) => harm) } };
}

/** Keeps only the ids the reducer checks TRACE commands against; every answer is withheld. */
function withholdReference(reference: Reference): Omit<Reference, 'r3ai'> {
  const trace = reference.trace;
  const choice = (c: { id: TraceChoiceId }) => ({ id: c.id, label: WITHHELD, expected: false });
  const withheld: Omit<Reference, 'r3ai'> = {
    severity: [],
    required: [],
    forbidden: [],
    timeline: [],
    trace: {
      trust: WITHHELD,
      rootCause: { candidates: trace.rootCause.candidates.map((c) => ({ id: c.id, label: WITHHELD, correct: false })), explanation: WITHHELD },
      accountability: [],
      corrections: trace.corrections.map(choice),
      evolutions: trace.evolutions.map(choice),
    },
  };
  // `r3ai`, `tempo` and `boardWithin` are answers too and are left out.
  return withheld;
}
