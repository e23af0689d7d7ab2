/**
 * The projected pack a presenter or participant replays the log over. It
 * keeps everything the engine reducer reads — ids, timing, conditions,
 * effects, decision options, move owners, obligations, recovery criteria and
 * the ids of the TRACE choices — and withholds the text the audience may not
 * see: the reference playbook (severity, required and forbidden moves,
 * timeline, TRACE answers), the pack's R3AI category, rationales and best
 * options, the facilitator's notes (always), other roles' private briefs and
 * the text and attachments of injects not addressed to them. After the
 * debrief is released only the facilitator's notes stay withheld.
 */
import type { Decision, Inject, Pack, Reference } from '../../../engine/pack/schema';
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
  const { r3ai, reference, debrief, ...rest } = pack;
  const projected = {
    ...rest,
    // The projector shows no private brief; a participant reads their own role's (every role's after the debrief).
    roles: pack.roles.map((r) => (audience.kind === 'participant' && mayRead(audience, [r.role]) ? r : { role: r.role, brief: WITHHELD })),
    injects: pack.injects.map((inject) => (mayRead(audience, inject.visibleTo) ? inject : withholdInject(inject))),
    decisions: answers ? pack.decisions : pack.decisions.map(withholdRationales),
    reference: answers ? reference : withholdReference(reference),
    // The facilitator's notes never leave the facilitator's windows, not even after the debrief is released.
    debrief: { questions: debrief?.questions ?? [], facilitatorNotes: WITHHELD },
    ...(answers ? { r3ai } : {}),
  };
  // `r3ai` (the pack's own category, i.e. the answer to the R3AI classification) is absent before release;
  // the reducer never reads it.
  return projected as Pack;
}

function withholdInject(inject: Inject): Inject {
  const { from: _from, attachments: _attachments, ...rest } = inject;
  return { ...rest, title: WITHHELD, body: WITHHELD };
}

function withholdRationales(decision: Decision): Decision {
  const { best: _best, ...rest } = decision;
  return {
    ...rest,
    ...(decision.options ? { options: decision.options.map(({ rationale: _rationale, ...option }) => option) } : {}),
  };
}

/** Keeps only the ids the reducer checks TRACE commands against; every answer is withheld. */
function withholdReference(reference: Reference): Reference {
  const trace = reference.trace;
  const choice = (c: { id: string }) => ({ id: c.id, label: WITHHELD, expected: false });
  const withheld = {
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
  return withheld as unknown as Reference;
}
