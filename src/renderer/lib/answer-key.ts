/**
 * The answer key as a live checklist for the facilitator: each act and
 * obligation the pack's reference expects, ticked, pending (with time
 * left) or missed, from the run's facts. Facilitator console only.
 */
import { assertNever, describeCondition, expectedSteps, formatSimTime, formatSpan, R3AI_CATEGORIES, ROLE_TITLES, type Actor, type Pack, type RunState, type SimMinutes } from '../../engine';
import { after, between, START } from '../../engine';
import { R3AI_LABELS, severityLabel } from './labels';

export type KeyStatus = 'done' | 'late' | 'pending' | 'missed' | 'not-yet';
export type KeySection = 'classification' | 'required' | 'forbidden' | 'obligation' | 'recovery';

export type KeyItem = {
  readonly key: string;
  readonly section: KeySection;
  readonly label: string;
  readonly status: KeyStatus;
  /** What happened or what is expected, in words (times in scenario time). */
  readonly detail: string;
  /** Why the reference expects it (the pack's reason), when it gives one. */
  readonly reason?: string;
  /** Scenario minutes left before the deadline (pending items with one). */
  readonly left?: SimMinutes;
};

const moveLabel = (pack: Pack, id: string) => pack.moves.find((m) => m.id === id)?.label ?? id;
const injectTitle = (pack: Pack, id: string) => pack.injects.find((i) => i.id === id)?.title ?? id;

/** The whole checklist, in a stable order: classification, required acts, harmful moves, obligations, recovery. */
export function answerKey(pack: Pack, state: RunState): KeyItem[] {
  return [...classification(pack, state), ...required(pack, state), ...forbidden(pack, state), ...obligations(pack, state), ...recovery(pack, state)];
}

function classification(pack: Pack, state: RunState): KeyItem[] {
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  // What the evidence the team has seen calls for now (the reference's severity steps are reached by evidence).
  const reference = expectedSteps(pack, state).at(-1);
  const team = state.severity.at(-1);
  const accepted = reference?.accept.map((l) => `V${l}`).join(' or ');
  const severity: KeyItem = reference
    ? {
        key: 'severity',
        section: 'classification',
        label: `V-SEV: the evidence calls for ${accepted} (since ${t(reference.at)}${reference.evidence ? `, ${reference.evidence}` : ''})`,
        status: !team ? 'pending' : reference.accept.includes(team.level) ? 'done' : 'late',
        detail: team ? `The team says ${severityLabel(team.level)} (${t(team.at)}).` : 'The team has not classified yet.',
        reason: firstSentence(reference.rationale),
      }
    : { key: 'severity', section: 'classification', label: 'V-SEV: nothing calls for a classification yet', status: 'not-yet', detail: 'The first signal has not arrived.' };
  const r3ai = state.r3ai.at(-1);
  const categories = [pack.reference.r3ai].flat();
  const category: KeyItem = {
    key: 'r3ai',
    section: 'classification',
    label: `R3AI: ${categories.map((c) => R3AI_LABELS[c].name).join(' or ')}`,
    status: !r3ai ? 'pending' : categories.includes(r3ai.category) ? 'done' : 'late',
    detail: r3ai ? `The team says ${R3AI_LABELS[r3ai.category].name} (${t(r3ai.at)}).` : `Not classified yet (${R3AI_CATEGORIES.length} categories).`,
    ...(pack.reference.r3aiRationale ? { reason: firstSentence(pack.reference.r3aiRationale) } : {}),
  };
  return [severity, category];
}

function required(pack: Pack, state: RunState): KeyItem[] {
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  const now = state.clock.now;
  return pack.reference.required.map((req, index): KeyItem => {
    const moves = req.move !== undefined ? [req.move] : (req.anyOf ?? []);
    const label = moves.map((id) => moveLabel(pack, id)).join(' or ');
    const from = req.from === 'start' ? 'the start' : `“${injectTitle(pack, req.from.inject)}”`;
    const base = req.from === 'start' ? START : state.fired[req.from.inject];
    const made = state.moves.find((m) => moves.includes(m.moveId));
    const common = { key: `required-${index}`, section: 'required' as const, label, reason: req.reason };
    if (base === undefined) return { ...common, status: made ? 'done' : 'not-yet', detail: made ? `Made ${t(made.at)} by ${who(made.by)}, before ${from} arrived.` : `Expected within ${formatSpan(req.within)} of ${from}, which has not arrived.` };
    const deadline = after(base, req.within);
    if (made) return { ...common, status: made.at <= deadline ? 'done' : 'late', detail: `Made ${t(made.at)} by ${who(made.by)}; due by ${t(deadline)}.` };
    if (now <= deadline) return { ...common, status: 'pending', left: between(now, deadline), detail: `Due by ${t(deadline)} (within ${formatSpan(req.within)} of ${from}).` };
    return { ...common, status: 'missed', detail: `Not made; it was due by ${t(deadline)}.` };
  });
}

function forbidden(pack: Pack, state: RunState): KeyItem[] {
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  return pack.reference.forbidden.map((rule, index): KeyItem => {
    const made = state.moves.find((m) => m.moveId === rule.move);
    return {
      key: `forbidden-${index}`,
      section: 'forbidden',
      label: `Avoid: ${moveLabel(pack, rule.move)}`,
      status: made ? 'missed' : 'done',
      detail: made ? `Made ${t(made.at)} by ${who(made.by)}.` : 'Not made.',
      reason: rule.reason,
    };
  });
}

function obligations(pack: Pack, state: RunState): KeyItem[] {
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  return pack.obligations.map((obligation): KeyItem => {
    const record = state.obligations[obligation.id];
    const common = { key: `obligation-${obligation.id}`, section: 'obligation' as const, label: obligation.title, reason: `${obligation.basis}; to ${obligation.recipient}; owner ${who(obligation.owner)}` };
    if (!record) return { ...common, status: 'not-yet', detail: `Starts when ${describeCondition(pack, obligation.trigger)}; then ${formatSpan(obligation.deadline)}.` };
    switch (record.status) {
      case 'running':
        return { ...common, status: 'pending', left: between(state.clock.now, record.dueAt), detail: `Started ${t(record.triggeredAt)}; due ${t(record.dueAt)}.` };
      case 'met':
        return { ...common, status: 'done', detail: `Met ${t(record.metAt ?? record.dueAt)}${record.metBy ? ` by ${who(record.metBy)}` : ''}.` };
      case 'met-late':
        return { ...common, status: 'late', detail: `Met late, ${t(record.metAt ?? record.dueAt)}; it was due ${t(record.dueAt)}.` };
      case 'overdue':
        return { ...common, status: 'missed', detail: `Overdue since ${t(record.dueAt)}.` };
      default:
        return assertNever(record.status);
    }
  });
}

function recovery(pack: Pack, state: RunState): KeyItem[] {
  const t = (m: SimMinutes) => formatSimTime(pack.clock.start, m);
  const restarts = state.moves.filter((m) => pack.recovery.restartMoves.includes(m.moveId));
  const breach = restarts.find((m) => m.gateViolation && m.gateViolation.length > 0);
  const restart = restarts[0];
  return [
    {
      key: 'recovery-gate',
      section: 'recovery',
      label: 'Restart only when every recovery criterion holds',
      status: breach ? 'missed' : restart ? 'done' : 'not-yet',
      detail: breach
        ? `Restarted ${t(breach.at)} with ${breach.gateViolation!.length} criteria unmet.`
        : restart
          ? `Restarted ${t(restart.at)} with every criterion met.`
          : `Criteria: ${pack.recovery.criteria.map((c) => c.label).join('; ')}.`,
    },
  ];
}

function who(actor: Actor): string {
  return actor === 'facilitator' || actor === 'system' ? `the ${actor}` : `the ${ROLE_TITLES[actor]}`;
}


/** The first sentence of a rationale, without Markdown marks, for a one-line reason ("Art. 26" is not a sentence end). */
function firstSentence(text: string): string {
  const plain = text.replace(/[#*_`>]/g, '').replace(/\s+/g, ' ').trim();
  const end = plain.search(/(?<!\b(?:Art|art|No|no|e\.g|i\.e|cf|vs|para))[.!?](?=\s+[A-Z(“"]|$)/);
  return end > 0 && end < 260 ? plain.slice(0, end + 1) : plain.length > 260 ? `${plain.slice(0, 257)}…` : plain;
}
