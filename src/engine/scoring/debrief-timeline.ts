/**
 * Timelines of a run computed from its state, and the side-by-side merge of
 * the team's timeline with the reference's (same event → same row).
 */
import type { Pack } from '../pack/schema';
import type { RunState } from '../types';
import type { TimelineEvent, TimelineKind, TimelineRow } from './debrief-types';

const KIND_ORDER: readonly TimelineKind[] = ['inject', 'severity', 'r3ai', 'decision', 'move', 'obligation', 'end'];

/** Numbers repeated keys (`move:x`, `move:x#2`) so the k-th occurrence pairs with the k-th. */
function numberKeys(events: TimelineEvent[]): TimelineEvent[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const n = (seen.get(e.key) ?? 0) + 1;
    seen.set(e.key, n);
    return n === 1 ? e : { ...e, key: `${e.key}#${n}` };
  });
}

/** Every notable event of a run, in time order (stable: by kind, then record order). */
export function runTimeline(pack: Pack, state: RunState, t: (minutes: number) => string): TimelineEvent[] {
  const injects = new Map(pack.injects.map((i) => [i.id, i]));
  const moves = new Map(pack.moves.map((m) => [m.id, m]));
  const obligations = new Map(pack.obligations.map((o) => [o.id, o]));
  const events: TimelineEvent[] = [];
  for (const item of state.feed) {
    const title = item.content?.title ?? injects.get(item.injectId)?.title ?? item.injectId;
    const channel = item.content?.channel ?? injects.get(item.injectId)?.channel;
    events.push({ at: item.at, kind: 'inject', key: `inject:${item.injectId}`, label: title, ...(channel ? { detail: channel } : {}), ...(item.released ? { flag: 'released early by the facilitator' } : {}) });
  }
  for (const r of state.severity) events.push({ at: r.at, kind: 'severity', key: `severity:v${r.level}`, label: `Severity V${r.level}`, by: r.by, ...(r.rationale ? { detail: r.rationale } : {}) });
  for (const r of state.r3ai) events.push({ at: r.at, kind: 'r3ai', key: `r3ai:${r.category}`, label: `R3AI ${r.category}`, by: r.by });
  for (const [id, d] of Object.entries(state.decisions)) {
    if (d.status === 'open') continue;
    const answer = d.status === 'answered' ? [...d.options, d.text ?? ''].filter(Boolean).join(', ') : '';
    events.push({
      at: d.closedAt ?? d.openedAt, kind: 'decision', key: `decision:${id}`, label: `Decision ${id}`,
      ...(d.by ? { by: d.by } : {}),
      ...(d.status === 'answered' ? { detail: answer } : { flag: 'expired unanswered' }),
    });
  }
  for (const m of state.moves) {
    const flag = m.gateViolation?.length ? `restart before the recovery criteria held (${m.gateViolation.join(', ')})` : m.outsideAuthority ? 'outside the role’s authority' : undefined;
    events.push({ at: m.at, kind: 'move', key: `move:${m.moveId}`, label: moves.get(m.moveId)?.label ?? m.moveId, by: m.by, ...(m.note ? { detail: m.note } : {}), ...(flag ? { flag } : {}) });
  }
  for (const [id, o] of Object.entries(state.obligations)) {
    const title = obligations.get(id)?.title ?? id;
    events.push({ at: o.triggeredAt, kind: 'obligation', key: `obligation:${id}:started`, label: `Clock started: ${title}`, detail: `due ${t(o.dueAt)}` });
    if (o.status === 'met' || o.status === 'met-late') {
      events.push({ at: o.metAt ?? o.dueAt, kind: 'obligation', key: `obligation:${id}:met`, label: `Met: ${title}`, ...(o.metBy ? { by: o.metBy } : {}), ...(o.status === 'met-late' ? { flag: 'late' } : {}) });
    } else if (o.status === 'overdue') {
      events.push({ at: o.dueAt, kind: 'obligation', key: `obligation:${id}:met`, label: `Missed: ${title}`, flag: 'deadline passed' });
    }
  }
  if (state.endedAt !== undefined) events.push({ at: state.endedAt, kind: 'end', key: 'run:end', label: 'Run ended', ...(state.endReason ? { detail: state.endReason } : {}) });
  const order = (e: TimelineEvent) => KIND_ORDER.indexOf(e.kind);
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || order(a.e) - order(b.e) || a.i - b.i).map(({ e }) => e);
  return numberKeys(sorted);
}

/** Pairs the team's events with the reference's by key; rows in time order of their earlier side. */
export function mergeTimelines(team: readonly TimelineEvent[], reference: readonly TimelineEvent[]): TimelineRow[] {
  const rows = new Map<string, { key: string; kind: TimelineKind; label: string; team?: TimelineEvent; reference?: TimelineEvent; order: number }>();
  team.forEach((e, i) => rows.set(e.key, { key: e.key, kind: e.kind, label: e.label, team: e, order: i }));
  reference.forEach((e, i) => {
    const row = rows.get(e.key);
    if (row) row.reference = e;
    else rows.set(e.key, { key: e.key, kind: e.kind, label: e.label, reference: e, order: team.length + i });
  });
  const time = (r: { team?: TimelineEvent; reference?: TimelineEvent }) => Math.min(r.team?.at ?? Infinity, r.reference?.at ?? Infinity);
  return [...rows.values()]
    .sort((a, b) => time(a) - time(b) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.order - b.order)
    .map(({ order: _order, ...row }) => row);
}
