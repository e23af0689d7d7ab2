/**
 * What of a run crosses the wire to a presenter or a participant: the
 * serialized projection never holds the reference, rationales, best options,
 * the facilitator's notes, other roles' briefs or the text of injects not
 * addressed to the audience — and yet the reducer replays any log over the
 * projected pack exactly as over the full one.
 */
import { testInjectId, testMoveId, testRunId } from '../../ids';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCommand, createRun, ROLE_IDS, type LogEntry, type Pack, type RoleId, type RunHeader } from '../../../src/engine';
import { loadPack } from '../../../src/main/packs';
import type { Audience } from '../../../src/main/server/projection/audience';
import { projectEntries, WITHHELD_MESSAGE, WITHHELD_NOTE } from '../../../src/main/server/projection/project-entries';
import { projectSnapshot } from '../../../src/main/server/projection/project-pack';
import type { PackSnapshot } from '../../../src/shared/runs';
import { commandOf, sequenceArbitrary } from '../../engine/helpers/command-arbitrary';

const FLAGSHIP = fileURLToPath(new URL('../../../scenarios/biased-hiring', import.meta.url));
let snapshot: PackSnapshot;
let pack: Pack;

beforeAll(async () => {
  const loaded = await loadPack(FLAGSHIP);
  if (!loaded.ok) throw new Error('the flagship pack does not load');
  snapshot = { pack: loaded.value.pack, attachments: loaded.value.attachments, hash: loaded.value.hash };
  pack = snapshot.pack;
});

/** Prose of a subtree (ids are not secrets: they also name what the audience may see). */
function prose(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim().length >= 12 && /\s/.test(value.trim())) out.push(value.trim());
  } else if (Array.isArray(value)) value.forEach((v) => prose(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => prose(v, out));
  return out;
}

const wire = (value: unknown) => JSON.stringify(value);
const carries = (serialized: string, text: string) => serialized.includes(JSON.stringify(text).slice(1, -1));
const visibleTo = (role: RoleId | null) => (inject: Pack['injects'][number]) => inject.visibleTo === 'all' || (role !== null && inject.visibleTo.includes(role));

/** Everything an audience must never receive before the debrief is released. */
function forbiddenFor(audience: Exclude<Audience, { kind: 'facilitator' }>): string[] {
  const role = audience.kind === 'participant' ? audience.role : null;
  const answers = [
    ...prose(pack.reference),
    ...pack.decisions.flatMap((d) => prose((d.options ?? []).map((o) => [o.rationale ?? '', o.cost?.reason ?? '']))),
    ...prose(pack.moves.map((m) => m.cost?.reason ?? '')),
    ...prose(pack.debrief?.facilitatorNotes ?? ''),
  ];
  const briefs = pack.roles.filter((r) => audience.kind === 'presenter' || r.role !== role).flatMap((r) => prose(r.brief));
  const injects = pack.injects.filter((i) => !visibleTo(role)(i)).flatMap((i) => prose([i.title, i.body, i.from ?? '']));
  // A secret that is also written somewhere the audience may read is not a leak (e.g. a sentence quoted in the situation).
  const visibleAttachments = pack.injects.filter(visibleTo(role)).flatMap((i) => (i.attachments ?? []).map((a) => snapshot.attachments[a.path]));
  const allowed = wire([visibleAttachments, pack.situation, pack.summary, pack.system, pack.learningObjectives, pack.injects.filter(visibleTo(role)), pack.moves.map(({ cost: _c, ...m }) => m), pack.obligations, pack.variables, pack.recovery, pack.decisions.map((d) => ({ ...d, options: d.options?.map(({ rationale: _r, cost: _c, ...o }) => o) }))]);
  return [...answers, ...briefs, ...injects].filter((text) => !carries(allowed, text));
}

const participants = (): Audience[] => [...pack.roles.map((r) => ({ kind: 'participant' as const, role: r.role })), { kind: 'participant', role: null }];

describe('projectSnapshot', () => {
  it('never gives a participant the reference, rationales, notes, other briefs or other roles’ injects', () => {
    for (const audience of participants()) {
      const serialized = wire(projectSnapshot(snapshot, audience));
      const forbidden = forbiddenFor(audience as Extract<Audience, { kind: 'participant' }>);
      expect(forbidden.length).toBeGreaterThan(50);
      for (const text of forbidden) expect(carries(serialized, text), `${JSON.stringify(audience)} gets: ${text.slice(0, 80)}`).toBe(false);
      expect(serialized).not.toMatch(/"best":|"rationale":|"r3aiRationale":|"tempo":|"boardWithin":|"cost":|"missedCost":|"breachCost":|"harmScale":|"weights":|"awareness":|"keywords":/);
      expect(serialized).not.toMatch(/"(harmful|misleading|irreversible|preserves-evidence|alters-system)"/);
      expect(serialized).not.toContain(`"correct":true`);
      expect(serialized).not.toContain(`"expected":true`);
    }
  });

  it('gives a participant their own brief and the injects addressed to them, with their attachments', () => {
    for (const { role, brief } of pack.roles) {
      const projected = projectSnapshot(snapshot, { kind: 'participant', role });
      expect(projected.pack.roles.find((r) => r.role === role)?.brief).toBe(brief);
      for (const inject of pack.injects.filter(visibleTo(role))) {
        expect(projected.pack.injects.find((i) => i.id === inject.id)).toEqual(inject);
        for (const a of inject.attachments ?? []) expect(projected.attachments[a.path]).toEqual(snapshot.attachments[a.path]);
      }
      const hidden = pack.injects.filter((i) => !visibleTo(role)(i)).flatMap((i) => (i.attachments ?? []).map((a) => a.path));
      const shown = new Set(pack.injects.filter(visibleTo(role)).flatMap((i) => (i.attachments ?? []).map((a) => a.path)));
      for (const path of hidden.filter((p) => !shown.has(p))) expect(projected.attachments[path]).toBeUndefined();
    }
  });

  it('gives the presenter no brief and only what the whole team sees, and the pack’s R3AI category to nobody', () => {
    const projected = projectSnapshot(snapshot, { kind: 'presenter', debriefReleased: false });
    const serialized = wire(projected);
    for (const text of forbiddenFor({ kind: 'presenter', debriefReleased: false })) expect(carries(serialized, text), text.slice(0, 80)).toBe(false);
    expect(projected.pack.roles.every((r) => r.brief === '')).toBe(true);
    expect('r3ai' in projected.pack).toBe(false);
    expect('r3ai' in projected.pack.reference).toBe(false);
  });

  it('gives the presenter the debrief once released — but never the facilitator’s notes', () => {
    const projected = projectSnapshot(snapshot, { kind: 'presenter', debriefReleased: true });
    expect(projected.pack.reference).toEqual(pack.reference);
    expect(projected.pack.moves).toEqual(pack.moves);
    expect(projected.pack.r3ai).toBe(pack.r3ai);
    expect(projected.pack.decisions).toEqual(pack.decisions);
    expect(pack.debrief?.facilitatorNotes).toBeTruthy();
    expect(projected.pack.debrief?.facilitatorNotes).toBe('');
    for (const text of prose(pack.debrief?.facilitatorNotes ?? '')) expect(carries(wire(projected), text)).toBe(false);
  });

  it('gives the facilitator everything, unchanged', () => {
    expect(projectSnapshot(snapshot, { kind: 'facilitator' })).toBe(snapshot);
  });

  it('replays any log over the projected pack exactly as over the full pack (model-based)', () => {
    const header: RunHeader = { runId: testRunId('r1'), engineVersion: 1, packId: pack.id, packVersion: pack.version, packHash: 'h', seed: 7, mode: 'facilitated', createdAt: '2027-01-01T00:00:00Z', participants: [] };
    const audiences: Audience[] = [{ kind: 'presenter', debriefReleased: false }, ...participants()];
    const projected = audiences.map((a) => projectSnapshot(snapshot, a).pack);
    fc.assert(
      fc.property(sequenceArbitrary(pack, 30), (intents) => {
        let full = createRun(pack, header);
        let views = projected.map((p) => createRun(p, header));
        // The scoring annotations the reducer derives from withheld costs are the one difference (no view shows them).
        const comparable = (state: unknown) => JSON.stringify(state, (key, value) => (key === 'costly' ? undefined : value));
        expect(views.every((v) => comparable(v) === comparable(full))).toBe(true);
        for (const intent of intents) {
          const entry = commandOf(intent, full);
          const result = applyCommand(pack, full, entry);
          const others = projected.map((p, i) => applyCommand(p, views[i]!, entry));
          for (const other of others) expect(other.ok).toBe(result.ok);
          if (!result.ok) continue;
          full = result.value.state;
          views = others.map((o) => (o.ok ? o.value.state : full));
          for (const view of views) expect(comparable(view)).toBe(comparable(full));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('projectEntries', () => {
  const entries: LogEntry[] = [
    { seq: 1, by: 'system', command: { type: 'run.start' } },
    { seq: 2, by: 'facilitator', command: { type: 'note.add', text: 'Grace hesitated to suspend' } },
    { seq: 3, by: 'facilitator', command: { type: 'inject.adhoc', id: testInjectId('x1'), title: 'For legal only', body: 'The settlement figure is 2m.', channel: 'email', visibleTo: ['legal-lead'] } },
    { seq: 4, by: 'facilitator', command: { type: 'inject.adhoc', id: testInjectId('x2'), title: 'For everyone', body: 'All hands at noon.', channel: 'email', visibleTo: 'all' } },
    { seq: 5, by: 'technical-lead', command: { type: 'move.make', move: testMoveId('suspend-model'), note: 'Now.' } },
  ];

  it('keeps every entry in order (views replay a gap-free log) but withholds notes and other roles’ messages', () => {
    for (const role of ROLE_IDS) {
      const projected = projectEntries(entries, { kind: 'participant', role });
      expect(projected.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      const serialized = wire(projected);
      expect(serialized).not.toContain('Grace hesitated');
      expect(projected[1]!.command).toEqual({ type: 'note.add', text: WITHHELD_NOTE });
      expect(serialized.includes('settlement figure')).toBe(role === 'legal-lead');
      if (role !== 'legal-lead') expect(projected[2]!.command).toMatchObject({ title: WITHHELD_MESSAGE, body: '', visibleTo: ['legal-lead'] });
      expect(projected[3]).toEqual(entries[3]);
      expect(projected[4]).toEqual(entries[4]);
    }
  });

  it('withholds the notes from the presenter even after the debrief is released', () => {
    for (const released of [false, true]) {
      const serialized = wire(projectEntries(entries, { kind: 'presenter', debriefReleased: released }));
      expect(serialized).not.toContain('Grace hesitated');
      expect(serialized.includes('settlement figure')).toBe(released);
    }
    expect(projectEntries(entries, { kind: 'facilitator' })).toBe(entries);
  });
});
