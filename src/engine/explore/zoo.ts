/**
 * The strategy zoo: scripted responses built from a pack's reference timeline
 * and move catalogue that a scorer must judge correctly — late, incomplete,
 * over-escalated, gate-breaching, wrong-role and junk-TRACE variants of the
 * reference, spam and do-nothing. Generic over packs, so every pack gets its
 * own zoo (the tests hold the bands each pack must meet).
 */
import type { Actor, Command } from '../command-schema';
import { acceptedOptionIds, severityOptionId } from '../pack/decision-options';
import type { MoveId } from '../pack/primitives';
import type { Pack } from '../pack/schema';
import { ROLE_IDS, type RoleId, type SeverityLevel } from '../pack/vocabulary';
import type { ScriptEntry } from '../script';
import { isHarmful, traceEntries } from './policies';
import { after, ONE_MINUTE, simMinutes, START, type SimMinutes } from '../sim-minutes';

/** One strategy: a script played with `skipRefused` (entries that cannot apply are left out). */
export type Strategy = { readonly name: string; readonly description: string; readonly script: readonly ScriptEntry[] };

type Entry = ScriptEntry;
const timeline = (pack: Pack): readonly Entry[] => pack.reference.timeline;
const isTrace = (e: Entry) => e.command.type.startsWith('trace.');
const isSetup = (e: Entry) => e.at === undefined && !isTrace(e) && e.command.type !== 'run.end';
const ownersOf = (pack: Pack, moveId: MoveId): readonly RoleId[] => {
  const move = pack.moves.find((m) => m.id === moveId);
  return move === undefined ? [] : Array.isArray(move.owner) ? move.owner : [move.owner];
};
const wrongRole = (roles: readonly RoleId[]): RoleId => ROLE_IDS.find((r) => !roles.includes(r)) ?? 'comms-lead';

/** The reference with every timed entry after `from` moved `by` minutes later. */
export function shifted(pack: Pack, by: SimMinutes, from = ONE_MINUTE): Entry[] {
  return timeline(pack).map((e) => (e.at !== undefined && e.at >= from && e.command.type !== 'run.end' ? { ...e, at: after(e.at, by) } : e));
}

/** The reference without the acts `drop` says. */
export function without(pack: Pack, drop: (e: Entry) => boolean): Entry[] {
  return timeline(pack).filter((e) => !drop(e));
}

/** The reference with `extra` entries inserted in time order (before the end). */
export function plus(pack: Pack, extra: readonly Entry[]): Entry[] {
  return plusTo(timeline(pack), extra);
}

/** `base` with `extra` entries inserted in time order (before the end). */
export function plusTo(base: readonly Entry[], extra: readonly Entry[]): Entry[] {
  const endIndex = base.findIndex((e) => e.command.type === 'run.end');
  const timed = endIndex < 0 ? base : base.slice(0, endIndex);
  const after = endIndex < 0 ? [] : base.slice(endIndex);
  const merged = [...timed];
  for (const x of extra) {
    const at = x.at ?? 0;
    const i = merged.findIndex((e) => e.at !== undefined && e.at > at);
    merged.splice(i < 0 ? merged.length : i, 0, x);
  }
  return [...merged, ...after];
}

const moveOf = (e: Entry) => (e.command.type === 'move.make' ? e.command.move : undefined);
/** Whether the entry makes one of `moves`. */
const makesOneOf = (e: Entry, moves: readonly MoveId[]) => e.command.type === 'move.make' && moves.includes(e.command.move);

/** The reference's classifications replaced by `level` throughout (severity commands and severity prompts). */
export function severityThroughout(pack: Pack, level: SeverityLevel): Entry[] {
  const severityPrompts = new Set(pack.decisions.filter((d) => d.kind === 'severity').map((d) => d.id));
  return timeline(pack).flatMap((e) => {
    if (e.command.type === 'severity.classify') return [{ ...e, command: { ...e.command, level } }];
    if (e.command.type === 'decision.answer' && severityPrompts.has(e.command.decision)) return [{ ...e, command: { ...e.command, options: [severityOptionId(level)] } }];
    return [e];
  });
}

/** The reference with every act made by a role that does not own it. */
export function wrongRoles(pack: Pack): Entry[] {
  return timeline(pack).map((e) => {
    if (e.command.type === 'move.make') return { ...e, by: wrongRole(ownersOf(pack, e.command.move)) };
    if (e.command.type === 'decision.answer') {
      const decision = pack.decisions.find((d) => d.id === (e.command as { decision: string }).decision);
      return decision?.askedTo ? { ...e, by: wrongRole(decision.askedTo) } : e;
    }
    return e;
  });
}

/** The reference with its TRACE input replaced by junk. */
export function junkTrace(pack: Pack): Entry[] {
  return [...timeline(pack).filter((e) => !isTrace(e)), ...traceEntries(pack, 'junk')];
}

/** Every move at minute 0, after the reference's setup (most are refused: nothing has happened yet). */
export function spamAtStart(pack: Pack): Entry[] {
  const setup = timeline(pack).filter(isSetup);
  return [...setup, ...pack.moves.map((m) => ({ at: START, by: ownersOf(pack, m.id)[0] ?? 'incident-lead', command: { type: 'move.make', move: m.id } as Command }))];
}

/** The moves that reach an outside body: those satisfying an obligation, or with a recipient. */
export function notificationMoves(pack: Pack): MoveId[] {
  const filings = new Set(pack.obligations.flatMap((o) => o.satisfiedBy));
  return pack.moves.filter((m) => filings.has(m.id) || m.recipient !== undefined).map((m) => m.id);
}

/** The moves that put the system back into service (the pack's restart moves). */
const restartMoves = (pack: Pack) => pack.recovery.restartMoves;

/** Entries at `at` by each move's owner. */
const acts = (pack: Pack, at: SimMinutes, moves: readonly MoveId[]): Entry[] =>
  moves.map((move) => ({ at, by: (ownersOf(pack, move)[0] ?? 'incident-lead') as Actor, command: { type: 'move.make', move } as Command }));

/**
 * The generic zoo of a pack. Times are taken from the reference timeline (its
 * first timed act, the end of the first day) so the same builders fit every pack.
 */
export function strategyZoo(pack: Pack): Strategy[] {
  const first = timeline(pack).find((e) => e.at !== undefined && e.command.type !== 'run.start')?.at ?? START;
  const refRestart = timeline(pack).find((e) => makesOneOf(e, restartMoves(pack)))?.at;
  const notifications = notificationMoves(pack).filter((id) => !isHarmful(pack, pack.moves.find((m) => m.id === id)!));
  const severityPrompt = pack.decisions.find((d) => d.kind === 'severity');
  const mandatory = pack.obligations.filter((o) => (o.missedCost ?? 15) >= 15).flatMap((o) => o.satisfiedBy);
  const zoo: Strategy[] = [
    { name: 'reference', description: 'The reference response', script: timeline(pack) },
    { name: 'do-nothing', description: 'Start and wait until the end', script: [] },
    { name: 'spam-at-start', description: 'Every move at minute 0', script: spamAtStart(pack) },
    { name: 'reference-2h-late', description: 'Every act of the reference two hours later', script: shifted(pack, simMinutes(120)) },
    { name: 'reference-1d-late', description: 'Every act of the reference one day later', script: shifted(pack, simMinutes(24 * 60)) },
    { name: 'reference-3d-late', description: 'Every act of the reference three days later', script: shifted(pack, simMinutes(3 * 24 * 60)) },
    { name: 'wrong-roles', description: 'The reference, every act by a role without the authority', script: wrongRoles(pack) },
    { name: 'v1-throughout', description: 'The reference acts, classified V1 throughout', script: severityThroughout(pack, 1) },
    { name: 'junk-trace', description: 'The reference acts; TRACE reflections of "x" and every option ticked', script: junkTrace(pack) },
    {
      name: 'over-escalate', description: 'V5 at once and every notification',
      script: plusTo(severityThroughout(pack, 5), acts(pack, first, notifications.filter((m) => !timeline(pack).some((e) => moveOf(e) === m)))),
    },
    {
      name: 'under-classify-then-recover', description: 'V1 first, the reference level two hours later',
      script: (() => {
        const base = timeline(pack);
        const firstSeverity = base.find((e) => e.command.type === 'severity.classify' || (severityPrompt && e.command.type === 'decision.answer' && e.command.decision === severityPrompt.id));
        if (!firstSeverity || firstSeverity.at === undefined) return base;
        const low: Entry = firstSeverity.command.type === 'decision.answer' ? { ...firstSeverity, command: { ...firstSeverity.command, options: [severityOptionId(1)] } } : { ...firstSeverity, command: { ...firstSeverity.command, level: 1 } as Command };
        const level = firstSeverity.command.type === 'severity.classify' ? firstSeverity.command.level : Number(((firstSeverity.command as { options: string[] }).options[0] ?? 'v3').slice(1));
        const recoverAt = after(firstSeverity.at, simMinutes(120));
        const nextReference = base.find((e) => e.at !== undefined && e.at > firstSeverity.at! && e.command.type === 'severity.classify');
        const replaced = base.map((e) => (e === firstSeverity ? low : e));
        // The reference re-classifies within two hours anyway: the V1 stands until then.
        if (nextReference?.at !== undefined && nextReference.at <= recoverAt) return replaced;
        return plusTo(replaced, [{ at: recoverAt, by: firstSeverity.by, command: { type: 'severity.classify', level: level as SeverityLevel } }]);
      })(),
    },
  ];
  for (const move of mandatory.filter((m) => timeline(pack).some((e) => moveOf(e) === m))) {
    zoo.push({ name: `skip-${move}`, description: `The reference without “${pack.moves.find((m) => m.id === move)?.label ?? move}”`, script: without(pack, (e) => moveOf(e) === move) });
  }
  if (notifications.length > 0) {
    zoo.push({ name: 'no-outside-party-informed', description: 'The reference without any notification to an outside body', script: without(pack, (e) => makesOneOf(e, notifications)) });
  }
  // Attempts every two hours over two days: the first the engine accepts is the act (the others are left out).
  const soon = (move: MoveId, from: SimMinutes) => Array.from({ length: 25 }, (_, i) => acts(pack, after(from, simMinutes(120 * i)), [move])).flat();
  // Filings that meet an obligation: what a team does once a mistake has started a clock of its own.
  const filings = [...new Set(pack.obligations.flatMap((o) => o.satisfiedBy))].filter((id) => !isHarmful(pack, pack.moves.find((m) => m.id === id)!));
  for (const rule of pack.reference.forbidden) {
    zoo.push({ name: `plus-${rule.move}-early`, description: `The reference plus the forbidden “${rule.move}” as soon as it can be made`, script: plus(pack, soon(rule.move, after(first, simMinutes(5)))) });
    zoo.push({
      name: `plus-${rule.move}-then-handled`, description: `The reference plus the forbidden “${rule.move}”, then every filing its consequences call for`,
      script: plus(pack, [...soon(rule.move, after(first, simMinutes(5))), ...filings.flatMap((id) => soon(id, after(first, simMinutes(65))))]),
    });
  }
  for (const move of pack.moves.filter((m) => m.cost && !timeline(pack).some((e) => moveOf(e) === m.id))) {
    zoo.push({ name: `plus-costly-${move.id}`, description: `The reference plus the costly “${move.label}”`, script: plus(pack, soon(move.id, after(first, simMinutes(5)))) });
  }
  for (const move of restartMoves(pack)) {
    zoo.push({ name: `restart-early-${move}`, description: 'The reference plus a restart as soon as possible', script: plus(pack, soon(move, after(first, simMinutes(60)))) });
  }
  for (const decision of pack.decisions) {
    const restartOptions = (decision.options ?? []).filter((o) => o.marks?.includes('restart'));
    for (const option of restartOptions) {
      zoo.push({
        name: `restart-by-decision-${option.id}`, description: `The reference, answering “${decision.id}” with “${option.label}”`,
        script: timeline(pack).map((e) => (e.command.type === 'decision.answer' && e.command.decision === decision.id ? { ...e, command: { ...e.command, options: [option.id] } } : e)),
      });
    }
  }
  // Every option of every prompt the reference answers, once each: the branches a decision opens.
  for (const decision of pack.decisions) {
    if (decision.kind === 'text' || !timeline(pack).some((e) => e.command.type === 'decision.answer' && e.command.decision === decision.id)) continue;
    const ids = acceptedOptionIds(decision);
    for (const option of ids) {
      if (decision.options?.find((o) => o.id === option)?.marks?.includes('restart')) continue; // the restart-by-decision strategies above
      zoo.push({
        name: `option-${decision.id}-${option}`, description: `The reference, answering “${decision.id}” with “${option}”`,
        script: timeline(pack).map((e) => (e.command.type === 'decision.answer' && e.command.decision === decision.id ? { ...e, command: { ...e.command, options: [option] } } : e)),
      });
    }
  }
  if (refRestart !== undefined) {
    zoo.push({ name: 'never-restart', description: 'The reference without its restart', script: without(pack, (e) => makesOneOf(e, restartMoves(pack))) });
  }
  const misleading = pack.moves.filter((m) => m.marks?.includes('misleading')).map((m) => m.id);
  if (misleading.length > 0) {
    const isCommunication = (e: Entry) => pack.moves.find((m) => m.id === moveOf(e))?.marks?.includes('stakeholder-communication') ?? false;
    zoo.push({ name: 'misleading-instead-of-communication', description: 'The reference with its communications replaced by the misleading ones', script: plusTo(without(pack, isCommunication), soon(misleading[0]!, after(first, simMinutes(5)))) });
  }
  return zoo;
}
