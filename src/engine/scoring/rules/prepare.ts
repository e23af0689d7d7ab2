/**
 * Prepare: command roles assigned before the start; readiness items the
 * pack's conditions read, answered before the start.
 */
import { readinessIdSchema, type ReadinessId } from '../../pack/primitives';
import type { Pack } from '../../pack/schema';
import { DEFAULT_READINESS_ITEMS, ROLE_TITLES, type RoleId } from '../../pack/vocabulary';
import type { ScoringContext } from '../context';
import { scoreLine } from '../lines';
import { POINTS } from '../points';
import type { ScoreLine } from '../types';
import { commonLines, commonPenalties } from './common';

/** The participant holding each role when `run.start` was logged (all of the log if it never was). */
export function rolesAtStart(ctx: ScoringContext): { roles: Partial<Record<RoleId, string>>; started: boolean } {
  const roles: Partial<Record<RoleId, string>> = {};
  for (const entry of ctx.log) {
    const command = entry.command;
    if (command.type === 'run.start') return { roles, started: true };
    if (command.type === 'role.assign') roles[command.role] = command.participant;
    if (command.type === 'role.unassign') delete roles[command.role];
  }
  return { roles, started: false };
}

/** Readiness item ids that any condition in the pack reads (pack order of first use). */
export function readinessUsed(pack: Pack): ReadinessId[] {
  const ids: ReadinessId[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // A readiness condition of a parsed pack: its id passed the schema, so this only recovers its type.
      const id = readinessIdSchema.safeParse(record.readiness);
      if (id.success && !ids.includes(id.data)) ids.push(id.data);
      Object.values(record).forEach(walk);
    }
  };
  walk([pack.variables, pack.injects, pack.decisions, pack.moves, pack.obligations, pack.recovery]);
  return ids;
}

function roleLines(ctx: ScoringContext): ScoreLine[] {
  const { roles, started } = rolesAtStart(ctx);
  const when = started ? 'before the start' : 'so far (the run has not started)';
  return ctx.pack.roles.map(({ role }) => {
    const participant = roles[role];
    const late = ctx.state.roles[role];
    const reason = participant !== undefined
      ? `${ROLE_TITLES[role]} was assigned to ${participant} ${when}.`
      : `${ROLE_TITLES[role]} was not assigned ${when}${late !== undefined ? ` (assigned to ${late} only after the start)` : ''}; roles are expected before an incident.`;
    return scoreLine({
      stage: 'prepare',
      id: `prepare.role.${role}`,
      points: participant !== undefined ? POINTS.role : 0,
      max: POINTS.role,
      reason,
      reference: `Reference: the ${ctx.pack.roles.length} command roles assigned before the start`,
    });
  });
}

function readinessLines(ctx: ScoringContext): ScoreLine[] {
  const labels = new Map([...DEFAULT_READINESS_ITEMS, ...(ctx.pack.readiness ?? [])].map((i) => [i.id, i.label]));
  return readinessUsed(ctx.pack).map((item) => {
    const answer = ctx.state.readiness[item];
    const label = `“${labels.get(item) ?? item}”`;
    return scoreLine({
      stage: 'prepare',
      id: `prepare.readiness.${item}`,
      points: answer === undefined ? 0 : POINTS.readiness,
      max: POINTS.readiness,
      reason: answer === undefined
        ? `Readiness item ${label} was not answered before the start; the scenario reads it (and treats no answer as "no").`
        : `Readiness item ${label} was answered "${answer ? 'yes' : 'no'}" before the start; the scenario takes the answer into account.`,
      reference: 'Reference: the readiness checklist answered before the start',
    });
  });
}

/** All Prepare lines. */
export function prepareLines(ctx: ScoringContext): ScoreLine[] {
  return [...roleLines(ctx), ...readinessLines(ctx), ...commonLines(ctx, 'prepare'), ...commonPenalties(ctx, 'prepare')];
}
