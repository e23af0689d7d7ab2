/**
 * Checks on the reference playbook: the severity curve, required and
 * forbidden moves, the TRACE answers and the reference timeline (whose
 * commands must name things that exist, at times inside the scenario).
 */
import type { Command } from '../command-schema';
import { unknownOption } from './cross-check-conditions';
import { type CheckContext, checkRef, checkRefs, error, warning } from './cross-check-context';
import { formatDuration } from './duration';
import type { PackPath } from './issues';
import { type PackParts, parsedInFull } from './pack-parts';

type ReferenceParts = PackParts['reference'];

function checkSeverityCurve(ctx: CheckContext, curve: ReferenceParts['severity']): void {
  let previous: number | undefined;
  for (const { index, value: { at, evidence } } of curve) {
    checkRefs(ctx, 'inject', evidence, ['reference', 'severity', index, 'evidence']);
    if (at === undefined) continue;
    const path = ['reference', 'severity', index, 'at'];
    if (index === 0 && at !== 0) error(ctx, path, 'the first reference severity must be at 0 (the severity of the incident from the start)');
    if (previous !== undefined && at < previous) error(ctx, path, `must not be earlier than the entry before it (${formatDuration(previous)}): list the severity entries in time order`);
    previous = at;
  }
}

function checkRequiredAndForbidden(ctx: CheckContext, reference: ReferenceParts): void {
  const required = new Set<string>();
  const end = ctx.parts.end;
  for (const { index, value: entry } of reference.required) {
    const path = ['reference', 'required', index] as const;
    if (entry.move !== undefined && checkRef(ctx, 'move', entry.move, [...path, 'move'])) required.add(entry.move);
    checkRefs(ctx, 'move', entry.anyOf, [...path, 'anyOf']);
    if (end !== undefined && entry.within > end) {
      warning(ctx, [...path, 'within'], `is ${formatDuration(entry.within)}, longer than the scenario (${formatDuration(end)}): the deadline can never pass within a run`);
    }
    if (entry.from !== 'start') checkRef(ctx, 'inject', entry.from.inject, [...path, 'from', 'inject']);
  }
  for (const { index, value: { move } } of reference.forbidden) {
    const path = ['reference', 'forbidden', index, 'move'];
    if (checkRef(ctx, 'move', move, path) && required.has(move)) warning(ctx, path, `move "${move}" is both required and forbidden`);
  }
}

function checkTrace(ctx: CheckContext, candidates: ReferenceParts['trace']['rootCause']['candidates']): void {
  // A candidate that does not parse might be the correct one.
  if (candidates.entries.length > 0 && parsedInFull(candidates) && !candidates.entries.some(({ value }) => value.correct)) {
    warning(ctx, ['reference', 'trace', 'rootCause', 'candidates'], 'no root-cause candidate is marked correct: true');
  }
}

function checkCommand(ctx: CheckContext, command: Command, path: PackPath, adhoc: Set<string>): void {
  switch (command.type) {
    case 'move.make':
      checkRef(ctx, 'move', command.move, [...path, 'move']);
      return;
    case 'decision.answer': {
      if (!checkRef(ctx, 'decision', command.decision, [...path, 'decision'])) return;
      const options = ctx.decisionOptions.get(command.decision);
      command.options.forEach((option, i) => {
        if (options && !options.includes(option)) error(ctx, [...path, 'options', i], unknownOption(command.decision, option, options));
      });
      return;
    }
    case 'inject.release':
      checkRef(ctx, 'inject', command.inject, [...path, 'inject']);
      return;
    case 'inject.adhoc':
      if (ctx.ids.get('inject')?.has(command.id) || adhoc.has(command.id)) {
        error(ctx, [...path, 'id'], `an ad-hoc inject needs a new id, but "${command.id}" is already used`);
      }
      adhoc.add(command.id);
      return;
    case 'trace.rootCause':
      checkRef(ctx, 'root-cause candidate', command.candidate, [...path, 'candidate']);
      return;
    case 'trace.select':
      checkRefs(ctx, command.section, command.ids, [...path, 'ids']);
      return;
    case 'readiness.set':
      checkRef(ctx, 'readiness item', command.item, [...path, 'item']);
      return;
    case 'clock.advance':
      if (ctx.parts.end !== undefined && command.to > ctx.parts.end) {
        error(ctx, [...path, 'to'], `is after the scenario ends (clock.end is ${formatDuration(ctx.parts.end)})`);
      }
      return;
    default:
      return; // the other commands name nothing of the pack
  }
}

function checkTimeline(ctx: CheckContext, timeline: ReferenceParts['timeline']): void {
  let previous: number | undefined;
  const adhoc = new Set<string>();
  const end = ctx.parts.end;
  for (const { index, value: entry } of timeline) {
    const path = ['reference', 'timeline', index] as const;
    const { at } = entry;
    if (at !== undefined) {
      if (previous !== undefined && at < previous) {
        error(ctx, [...path, 'at'], `must not be earlier than the entry before it (${formatDuration(previous)}): the timeline runs forward`);
      }
      if (end !== undefined && at > end) error(ctx, [...path, 'at'], `is ${formatDuration(at)}, after the scenario ends (clock.end is ${formatDuration(end)})`);
      previous = Math.max(previous ?? 0, at);
    }
    checkCommand(ctx, entry.command, [...path, 'command'], adhoc);
  }
}

/** The reference playbook. */
export function checkReference(ctx: CheckContext): void {
  const reference = ctx.parts.reference;
  checkSeverityCurve(ctx, reference.severity);
  for (const { index, value } of reference.awareness) checkRef(ctx, 'inject', value, ['reference', 'awareness', index]);
  checkRequiredAndForbidden(ctx, reference);
  checkTrace(ctx, reference.trace.rootCause.candidates);
  checkTimeline(ctx, reference.timeline);
}
