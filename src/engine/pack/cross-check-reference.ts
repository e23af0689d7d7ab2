/**
 * Checks on the reference playbook: the severity curve, required and
 * forbidden moves, the TRACE answers and the reference timeline (whose
 * commands must name things that exist, at times inside the scenario).
 */
import { unknownOption } from './cross-check-conditions';
import { type CheckContext, checkRef, error, warning } from './cross-check-context';
import { formatDuration } from './duration';
import type { PackPath } from './issues';
import { field, isRecord, items, minutes, num, str } from './loose';

function checkSeverityCurve(ctx: CheckContext, curve: unknown): void {
  let previous: number | undefined;
  items(curve).forEach((entry, index) => {
    const at = minutes(field(entry, 'at'));
    if (at === undefined) return;
    const path = ['reference', 'severity', index, 'at'];
    if (index === 0 && at !== 0) error(ctx, path, 'the first reference severity must be at 0 (the severity of the incident from the start)');
    if (previous !== undefined && at < previous) error(ctx, path, `must not be earlier than the entry before it (${formatDuration(previous)}): list the severity entries in time order`);
    previous = at;
  });
}

function checkRequiredAndForbidden(ctx: CheckContext, reference: unknown): void {
  const required = new Set<string>();
  items(field(reference, 'required')).forEach((entry, index) => {
    const path = ['reference', 'required', index] as const;
    const move = str(field(entry, 'move'));
    if (checkRef(ctx, 'move', move, [...path, 'move']) && move !== undefined) required.add(move);
    const within = minutes(field(entry, 'within'));
    if (within !== undefined && ctx.end !== undefined && within > ctx.end) {
      warning(ctx, [...path, 'within'], `is ${formatDuration(within)}, longer than the scenario (${formatDuration(ctx.end)}): the deadline can never pass within a run`);
    }
    const from = field(entry, 'from');
    if (isRecord(from)) checkRef(ctx, 'inject', from.inject, [...path, 'from', 'inject']);
  });
  items(field(reference, 'forbidden')).forEach((entry, index) => {
    const move = str(field(entry, 'move'));
    const path = ['reference', 'forbidden', index, 'move'];
    if (checkRef(ctx, 'move', move, path) && move !== undefined && required.has(move)) {
      warning(ctx, path, `move "${move}" is both required and forbidden`);
    }
  });
}

function checkTrace(ctx: CheckContext, trace: unknown): void {
  const candidates = items(field(field(trace, 'rootCause'), 'candidates'));
  if (candidates.length > 0 && !candidates.some((c) => field(c, 'correct') === true)) {
    warning(ctx, ['reference', 'trace', 'rootCause', 'candidates'], 'no root-cause candidate is marked correct: true');
  }
}

function checkCommand(ctx: CheckContext, command: unknown, path: PackPath, adhoc: Set<string>): void {
  if (!isRecord(command)) return;
  switch (command.type) {
    case 'move.make':
      checkRef(ctx, 'move', command.move, [...path, 'move']);
      return;
    case 'decision.answer': {
      if (!checkRef(ctx, 'decision', command.decision, [...path, 'decision'])) return;
      const decision = ctx.decisions.get(command.decision as string);
      items(command.options).forEach((option, i) => {
        if (typeof option === 'string' && decision && !decision.options.includes(option)) {
          error(ctx, [...path, 'options', i], unknownOption(command.decision as string, option, decision.options));
        }
      });
      return;
    }
    case 'inject.release':
      checkRef(ctx, 'inject', command.inject, [...path, 'inject']);
      return;
    case 'inject.adhoc': {
      const id = str(command.id);
      if (id === undefined) return;
      if (ctx.ids.get('inject')?.has(id) || adhoc.has(id)) error(ctx, [...path, 'id'], `an ad-hoc inject needs a new id, but "${id}" is already used`);
      adhoc.add(id);
      return;
    }
    case 'trace.rootCause':
      checkRef(ctx, 'root-cause candidate', command.candidate, [...path, 'candidate']);
      return;
    case 'trace.select': {
      const kind = command.section === 'correction' ? 'correction' : command.section === 'evolution' ? 'evolution' : undefined;
      if (kind) items(command.ids).forEach((id, i) => checkRef(ctx, kind, id, [...path, 'ids', i]));
      return;
    }
    case 'readiness.set':
      checkRef(ctx, 'readiness item', command.item, [...path, 'item']);
      return;
    case 'clock.advance': {
      const to = num(command.to);
      if (to !== undefined && ctx.end !== undefined && to > ctx.end) {
        error(ctx, [...path, 'to'], `is after the scenario ends (clock.end is ${formatDuration(ctx.end)})`);
      }
      return;
    }
    default:
      return;
  }
}

function checkTimeline(ctx: CheckContext, timeline: unknown): void {
  let previous: number | undefined;
  const adhoc = new Set<string>();
  items(timeline).forEach((entry, index) => {
    const path = ['reference', 'timeline', index] as const;
    const at = minutes(field(entry, 'at'));
    if (at !== undefined) {
      if (previous !== undefined && at < previous) {
        error(ctx, [...path, 'at'], `must not be earlier than the entry before it (${formatDuration(previous)}): the timeline runs forward`);
      }
      if (ctx.end !== undefined && at > ctx.end) {
        error(ctx, [...path, 'at'], `is ${formatDuration(at)}, after the scenario ends (clock.end is ${formatDuration(ctx.end)})`);
      }
      previous = Math.max(previous ?? 0, at);
    }
    checkCommand(ctx, field(entry, 'command'), [...path, 'command'], adhoc);
  });
}

/** The reference playbook. */
export function checkReference(ctx: CheckContext): void {
  const reference = field(ctx.pack, 'reference');
  checkSeverityCurve(ctx, field(reference, 'severity'));
  checkRequiredAndForbidden(ctx, reference);
  checkTrace(ctx, field(reference, 'trace'));
  checkTimeline(ctx, field(reference, 'timeline'));
}
