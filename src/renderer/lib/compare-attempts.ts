/**
 * Two or more attempts at the same pack side by side: each stage and each
 * scoring line with every attempt's points, and whether it was gained, lost
 * or unchanged against the attempt before; the team's timeline of each.
 */
import { DEFAULT_READINESS_ITEMS, ROLE_TITLES, STAGES, type Debrief, type Pack, type RoleId, type SimMinutes, type Stage } from '../../engine';
import { firstLine } from './describe-entry';

export type Change = 'gained' | 'lost' | 'unchanged' | 'new';

/** One attempt's value in a row, and its change from the attempt before (the first has none). */
export type Cell = { readonly value: number | undefined; readonly change: Change | undefined };

export type LineRow = { readonly id: string; readonly label: string; readonly max: number; readonly cells: readonly Cell[]; readonly reasons: readonly (string | undefined)[] };
export type StageRow = { readonly stage: Stage; readonly max: number; readonly cells: readonly Cell[]; readonly lines: readonly LineRow[] };
export type TimelineCompareRow = { readonly key: string; readonly label: string; readonly at: readonly (SimMinutes | undefined)[]; readonly reference: SimMinutes | undefined };

export type Comparison = {
  readonly totals: readonly Cell[];
  readonly stages: readonly StageRow[];
  readonly timeline: readonly TimelineCompareRow[];
};

const EPSILON = 0.05;

function cells(values: readonly (number | undefined)[]): Cell[] {
  return values.map((value, index) => {
    if (index === 0) return { value, change: undefined };
    const before = values[index - 1];
    if (value === undefined) return { value, change: before === undefined ? 'unchanged' : 'lost' };
    if (before === undefined) return { value, change: 'new' };
    return { value, change: value > before + EPSILON ? 'gained' : value < before - EPSILON ? 'lost' : 'unchanged' };
  });
}

/** Compares the debriefs of attempts, oldest first. */
export function compareAttempts(pack: Pack, debriefs: readonly Debrief[]): Comparison {
  const stages = STAGES.map((stage): StageRow => {
    const lineIds: string[] = [];
    for (const d of debriefs) for (const line of d.score.stages[stage].lines) if (!lineIds.includes(line.id)) lineIds.push(line.id);
    const lines = lineIds.map((id): LineRow => {
      const found = debriefs.map((d) => d.score.stages[stage].lines.find((l) => l.id === id));
      const latest = [...found].reverse().find((l) => l !== undefined);
      return {
        id,
        label: lineTitle(pack, id, latest?.reason ?? id),
        reasons: found.map((l) => l?.reason),
        max: Math.max(0, ...found.map((l) => l?.max ?? 0)),
        cells: cells(found.map((l) => (l === undefined || l.kind === 'not-applicable' ? undefined : l.points))),
      };
    });
    return {
      stage,
      max: Math.max(0, ...debriefs.map((d) => d.score.stages[stage].max)),
      cells: cells(debriefs.map((d) => d.score.stages[stage].score)),
      lines,
    };
  });
  const keys: { key: string; label: string }[] = [];
  for (const d of debriefs) for (const row of d.timeline.rows) if (!keys.some((k) => k.key === row.key)) keys.push({ key: row.key, label: row.label });
  const timeline = keys.map(({ key, label }): TimelineCompareRow => ({
    key,
    label,
    at: debriefs.map((d) => d.timeline.rows.find((r) => r.key === key)?.team?.at),
    reference: debriefs.map((d) => d.timeline.rows.find((r) => r.key === key)?.reference?.at).find((t) => t !== undefined),
  }));
  timeline.sort((a, b) => first(a) - first(b));
  return { totals: cells(debriefs.map((d) => d.score.total)), stages, timeline };
}

const first = (row: TimelineCompareRow) => Math.min(row.reference ?? Infinity, ...row.at.map((t) => t ?? Infinity));

/** What a scoring line is about, in the pack's words (its id names the move, obligation, prompt…), else its reason's first clause. */
export function lineTitle(pack: Pack, id: string, reason: string): string {
  const [, kind, rest] = /^[a-z]+\.([a-z-]+)\.?(.*?)(?:\.\d+)?$/.exec(id) ?? [];
  const move = (moveId: string | undefined) => pack.moves.find((m) => m.id === moveId)?.label;
  switch (kind) {
    case 'required':
      return move(rest) ?? lineLabel(reason);
    case 'forbidden':
      return `Avoid: ${move(rest) ?? rest}`;
    case 'obligation':
      return pack.obligations.find((o) => o.id === rest)?.title ?? lineLabel(reason);
    case 'decision':
      return firstLine(pack.decisions.find((d) => d.id === rest)?.prompt ?? lineLabel(reason));
    case 'role':
      return `${ROLE_TITLES[rest as RoleId] ?? rest} assigned before the start`;
    case 'readiness':
      return `Readiness: ${(pack.readiness ?? DEFAULT_READINESS_ITEMS).find((i) => i.id === rest)?.label ?? rest}`;
    default:
      return lineLabel(reason);
  }
}

/** A short label for a line: its reason's first clause. */
function lineLabel(reason: string): string {
  const cut = reason.search(/[.;:](\s|$)/);
  const text = cut > 0 ? reason.slice(0, cut) : reason;
  return text.length > 110 ? `${text.slice(0, 107)}…` : text;
}
