/**
 * The TRACE debrief model of a run of the minimal pack: timelines side by
 * side, severity and harm series, obligations, the gate, the five sections.
 */
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../../src/engine/scoring';
import { at, minimalInput, minimalPack, move, packFrom, play, timeline } from './helpers';

const IL = 'incident-lead' as const;
const TL = 'technical-lead' as const;
const roles = [
  at(undefined, 'facilitator', { type: 'role.assign', role: IL, participant: 'Ada' }),
  at(undefined, 'facilitator', { type: 'role.assign', role: TL, participant: 'Ben' }),
];

describe('the debrief of a run', () => {
  const pack = minimalPack();
  // Classifies V3 at 45, suspends late (150), lets the technical lead inform the provider (outside authority),
  // and restarts at 200 before the provider was informed (at 250): the gate is breached.
  const script = timeline(
    roles,
    at(45, IL, { type: 'severity.classify', level: 3 }),
    move(50, TL, 'preserve-evidence'),
    move(150, TL, 'suspend-model'),
    move(200, TL, 'restart-model'),
    move(250, TL, 'notify-provider'),
    at(480, IL, { type: 'trace.rootCause', candidate: 'server-outage' }),
    at(480, IL, { type: 'trace.reflect', section: 'trust', text: 'We trusted the dashboard too much.' }),
    at(480, IL, { type: 'trace.actionItem.add', id: 'a1', text: 'Own the alerts', owner: TL, due: '2028-02-01' }),
  );
  const { header, log } = play(pack, script);
  const d = buildDebrief(pack, header, log);

  it('pairs each event of the team with the same event of the reference', () => {
    const suspend = d.timeline.rows.find((r) => r.key === 'move:suspend-model');
    expect(suspend?.team?.at).toBe(150);
    expect(suspend?.reference?.at).toBe(40);
    const restart = d.timeline.rows.find((r) => r.key === 'move:restart-model');
    expect(restart?.team?.flag).toMatch(/recovery criteria/);
    expect(restart?.reference?.at).toBe(420);
    // Rows are in time order of their earlier side.
    const times = d.timeline.rows.map((r) => Math.min(r.team?.at ?? Infinity, r.reference?.at ?? Infinity));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('gives severity steps of both and harm series that reach the end', () => {
    expect(d.severity.team).toEqual([{ at: 0, level: 0 }, { at: 45, level: 3 }]);
    expect(d.severity.expected).toEqual([{ at: 0, level: 3, accept: [3], rationale: 'Affected applicants and potential regulatory interest.' }]);
    expect(d.severity.reference).toEqual([{ at: 0, level: 0 }, { at: 30, level: 3 }]);
    // Team harm: live 0–150 and 200–480 → (150 + 280) × 0.2 = 86; reference 20; doing nothing 96.
    expect(d.harm.team.at(-1)?.[0]).toBe(480);
    expect(d.harm.team.at(-1)?.[1]).toBeCloseTo(86, 6);
    expect(d.harm.reference.at(-1)?.[1]).toBeCloseTo(20, 6);
    expect(d.harm.doNothing.at(-1)?.[1]).toBeCloseTo(96, 6);
  });

  it('shows each obligation in both runs and the recovery gate', () => {
    expect(d.obligations).toHaveLength(1);
    expect(d.obligations[0]).toMatchObject({
      id: 'inform-provider',
      owner: IL,
      team: { status: 'met', triggeredAt: 30, dueAt: 270, metAt: 250, metBy: TL },
      reference: { status: 'met', metAt: 60, metBy: IL },
    });
    expect(d.gate.respected).toBe(false);
    expect(d.gate.restarts).toEqual([{ at: 200, how: '“Put the corrected model back into service”, made by the Technical Containment Lead', unmet: ['The provider has been informed'] }]);
    expect(d.gate.statement).toBe('Recovery gate breached: ScreenRank went back into service at Day 1 11:50 through “Put the corrected model back into service”, made by the Technical Containment Lead (unmet: The provider has been informed).');
  });

  it('computes the facts of the five TRACE sections and keeps the team’s input', () => {
    expect(d.trace.map((s) => s.section)).toEqual(['trust', 'rootCause', 'accountability', 'correction', 'evolution']);
    const [trust, rootCause, accountability, , evolution] = d.trace;
    expect(trust!.facts[0]).toEqual({ label: 'First warning', text: '“Selection-rate gap above threshold” at Day 1 09:00.', at: 30 });
    // Preserving evidence is not containment: suspending the model is (at 150, 2h after the warning).
    expect(trust!.facts[1]!.text).toBe('“Suspend automatic rejections” at Day 1 11:00, 2h after the first warning.');
    expect(trust!.reflection).toBe('We trusted the dashboard too much.');
    expect(trust!.referenceText).toBe(pack.reference.trace.trust);
    expect(rootCause!.referenceItems).toEqual([
      { id: 'skewed-update', label: "Friday's update was trained on skewed data", verdict: 'correct', chosen: false },
      { id: 'server-outage', label: 'A server outage corrupted scores', verdict: 'incorrect', chosen: true },
    ]);
    const labels = accountability!.facts.map((f) => f.label);
    expect(labels).toContain('Outside authority');
    expect(accountability!.facts.find((f) => f.label === 'Outside authority')?.text).toContain('belongs to the Incident Lead');
    expect(evolution!.facts.find((f) => f.label === 'Action items')?.text).toBe('“Own the alerts” — Technical Containment Lead, due 2028-02-01');
    expect(d.actionItems).toHaveLength(1);
  });

  it('includes the pack’s facilitator notes only when asked', () => {
    const src = minimalInput();
    src.debrief = { questions: ['When did you first doubt the model?'], facilitatorNotes: 'Push on the restart.' };
    const p = packFrom(src);
    const run = play(p, []);
    expect(buildDebrief(p, run.header, run.log).facilitatorNotes).toBeUndefined();
    const withNotes = buildDebrief(p, run.header, run.log, { includeFacilitatorNotes: true });
    expect(withNotes.facilitatorNotes).toBe('Push on the restart.');
    expect(withNotes.questions).toEqual(['When did you first doubt the model?']);
  });

  it('says how long the system kept harming people', () => {
    // Restarted at 200 and never stopped again: still growing at the end (480 = Day 1 16:30).
    expect(d.trace[0]!.facts.find((f) => f.label === 'Harm stopped')?.text).toBe('Still growing at Day 1 16:30: the harm was never stopped for good.');
    // Suspended at 40 for good: the hourly sample at 60 (Day 1 09:30) is the last that rose.
    const stopped = play(pack, timeline(roles, move(40, TL, 'suspend-model')));
    expect(buildDebrief(pack, stopped.header, stopped.log).trace[0]!.facts.find((f) => f.label === 'Harm stopped')?.text).toBe(
      'The harm counter last grew in the hour before Day 1 09:30 and stayed flat after it.',
    );
  });

  it('reports roles that never acted', () => {
    const idle = play(pack, timeline(roles, move(40, TL, 'suspend-model')));
    const facts = buildDebrief(pack, idle.header, idle.log).trace[2]!.facts;
    expect(facts.find((f) => f.label === 'Never acted')?.text).toBe('Incident Lead');
  });
});
