/**
 * Timelines of a run computed from its acts and state, and the side-by-side
 * merge of the team's timeline with the reference's (same event → same row).
 * The team's events carry the score's verdict on them (from the very lines
 * that scored them), so the timeline and the score always agree.
 */
import type { Pack } from '../pack/schema';
import type { SimMinutes } from '../sim-minutes';
import { entriesOf } from '../records';
import { actorTitle, optionLabel } from './acts';
import type { RunView } from './context';
import type { TimelineEvent, TimelineKind, TimelineRow } from './debrief-types';
import { formatSpan } from '../time';
import { causeWords } from './rules/recover';
import type { ScoreLine } from './types';

const KIND_ORDER: readonly TimelineKind[] = ['inject', 'severity', 'r3ai', 'decision', 'move', 'service', 'obligation', 'end'];

/** Numbers repeated keys (`move:x`, `move:x#2`) so the k-th occurrence pairs with the k-th. */
function numberKeys(events: TimelineEvent[]): TimelineEvent[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const n = (seen.get(e.key) ?? 0) + 1;
    seen.set(e.key, n);
    return n === 1 ? e : { ...e, key: `${e.key}#${n}` };
  });
}

/** The score's verdict on each act: its timing line, and whether an act line charged it. */
export function verdictsOf(lines: readonly ScoreLine[]): ReadonlyMap<string, string> {
  const verdicts = new Map<string, string[]>();
  const add = (act: string, words: string) => verdicts.set(act, [...(verdicts.get(act) ?? []), words]);
  for (const line of lines) {
    if (line.act === undefined) continue;
    if (line.timing !== undefined && line.kind === 'score') {
      add(line.act, line.timing === 'late' ? `${formatSpan(line.lateBy ?? 0)} late` : line.timing === 'on-time' ? 'on time' : 'never done');
    } else if (line.kind === 'penalty' && line.lost > 0) {
      add(line.act, `−${line.lost}`);
    }
  }
  return new Map([...verdicts].map(([k, v]) => [k, [...new Set(v)].join('; ')]));
}

/** Every notable event of a run, in time order (stable: by kind, then record order). */
export function runTimeline(pack: Pack, view: RunView, t: (minutes: SimMinutes) => string, verdicts: ReadonlyMap<string, string> = new Map()): TimelineEvent[] {
  const state = view.state;
  const injects = new Map(pack.injects.map((i) => [i.id, i]));
  const obligations = new Map(pack.obligations.map((o) => [o.id, o]));
  const forbidden = new Set(pack.reference.forbidden.map((f) => f.move));
  const events: TimelineEvent[] = [];
  for (const item of state.feed) {
    const title = item.content?.title ?? injects.get(item.injectId)?.title ?? 'Inject';
    const channel = item.content?.channel ?? injects.get(item.injectId)?.channel;
    events.push({ at: item.at, kind: 'inject', key: `inject:${item.injectId}`, label: title, ...(channel ? { detail: channel.replace(/-/g, ' ') } : {}), ...(item.released ? { flag: 'released early by the facilitator' } : item.adhoc ? { flag: 'ad-hoc inject by the facilitator' } : {}) });
  }
  for (const r of state.severity) events.push({ at: r.at, kind: 'severity', key: `severity:v${r.level}`, label: `Severity V${r.level}`, by: r.by, ...(r.rationale ? { detail: r.rationale } : {}) });
  for (const r of state.r3ai) events.push({ at: r.at, kind: 'r3ai', key: `r3ai:${r.category}`, label: `R3AI ${r.category}`, by: r.by });
  for (const act of view.acts) {
    const verdict = verdicts.get(act.key);
    const outside = act.authority.kind === 'outside' ? `made by ${actorTitle(act.by)}, outside its authority` : undefined;
    if (act.kind === 'move') {
      const breach = act.gateViolation?.length ? `restarted before the recovery criteria held (${act.gateViolation.length} unmet)` : undefined;
      const flag = forbidden.has(act.id) ? 'forbidden by the reference' : act.marks.includes('harmful') ? 'harmful' : breach ?? outside;
      events.push({ at: act.at, kind: 'move', key: `move:${act.id}`, label: act.label, ...(act.by ? { by: act.by } : {}), ...(flag ? { flag } : {}), ...(verdict ? { verdict } : {}) });
    } else if (act.kind === 'decision' || act.kind === 'expiry') {
      const decision = pack.decisions.find((d) => d.id === act.id);
      const record = state.decisions[act.id];
      const answer = act.kind === 'decision' && decision ? [...act.options.map((o) => optionLabel(decision, o)), record?.text ?? ''].filter(Boolean).join(' + ') : '';
      events.push({
        at: act.at, kind: 'decision', key: `decision:${act.id}`, label: act.kind === 'decision' ? act.label.replace(/: .*$/, '') : act.label,
        ...(act.by ? { by: act.by } : {}),
        ...(act.kind === 'decision' ? { detail: answer } : { flag: 'expired unanswered', ...(decision?.onExpire?.note ? { detail: decision.onExpire.note } : {}) }),
        ...(outside && act.kind === 'decision' ? { flag: outside } : {}),
        ...(verdict ? { verdict } : {}),
      });
    }
  }
  state.service.forEach((s, i) => {
    if (i === 0) return;
    const { how } = causeWords(pack, s.cause);
    events.push({
      at: s.at, kind: 'service', key: `service:${s.inService ? 'in' : 'out'}`, label: `${pack.system.name} ${s.inService ? 'back in service' : 'out of service'}`, detail: how,
      ...(s.inService && s.unmet.length > 0 ? { flag: `recovery gate breached (${s.unmet.length} criteria unmet)` } : {}),
    });
  });
  for (const [id, o] of entriesOf(state.obligations)) {
    const title = obligations.get(id)?.title ?? 'Obligation';
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
