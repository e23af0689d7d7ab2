/**
 * Every obligation of every shipped pack has the deadline the law gives it,
 * per the table below, derived from DOMAIN-FACTS.md (the project's compiled
 * legal facts; section numbers in brackets). An obligation whose basis is
 * the organisation's own policy is exempt, but its basis must say so; a
 * provision the law words as "immediately" or "without undue delay" has no
 * number of hours, so the pack's text must say how the scenario counts it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Obligation } from '../../src/engine/pack/schema';
import { simMinutes } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';
import { testVariableId } from '../ids';

const H = 60;
const D = 24 * H;

/** What the law says about a provision's deadline. */
type Rule =
  | { readonly kind: 'fixed'; readonly deadline: number; readonly earlier?: readonly number[]; readonly source: string }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly source: string }
  | { readonly kind: 'no-number'; readonly source: string };

/** Which provision an obligation rests on: its basis, and for DORA's three reports also its title. */
const DORA = /DORA|2022\/2554|2025\/301/;
type Pattern = (o: Obligation) => boolean;
const inBasis = (re: RegExp): Pattern => (o) => re.test(o.basis);
const dora = (report: RegExp): Pattern => (o) => DORA.test(o.basis) && report.test(`${o.id} ${o.title}`);
/** The sub-paragraphs of Art. 73 a basis cites: "Art. 73(1), (2) and (5)" → 1, 2, 5. */
const art73 = (o: Obligation): number[] => {
  const cited = /Art\.?\s*73\s*((?:\(\d+\)(?:\s*(?:,|and|or)\s*)?)+)/.exec(o.basis)?.[1] ?? '';
  return [...cited.matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));
};
const cites73 = (n: number): Pattern => (o) => art73(o).includes(n);

/** Basis → deadline, most specific first (the first match applies). */
const DEADLINES: readonly (readonly [Pattern, Rule])[] = [
  [cites73(3), { kind: 'fixed', deadline: 2 * D, source: 'AI Act Art. 73(3): widespread infringement or Art. 3(49)(b), at the latest 2 days after awareness [§1.2]' }],
  [cites73(4), { kind: 'fixed', deadline: 10 * D, source: 'AI Act Art. 73(4): a death, at the latest 10 days after awareness [§1.2]' }],
  [cites73(2), { kind: 'fixed', deadline: 15 * D, source: 'AI Act Art. 73(2): at the latest 15 days after awareness [§1.2]' }],
  [cites73(5), { kind: 'no-number', source: 'AI Act Art. 73(5): an initial, incomplete report followed by a complete one, no deadline of its own [§1.2]' }],
  [dora(/intermediate/i), { kind: 'fixed', deadline: 72 * H, source: 'DORA RTS 2025/301 Art. 5: intermediate report 72 h after the initial notification was submitted [§0.5, §3.5]' }],
  [dora(/final/i), { kind: 'range', min: 28 * D, max: 31 * D, source: 'DORA RTS 2025/301 Art. 5: final report one month after the intermediate report [§3.5]' }],
  [dora(/initial/i), { kind: 'fixed', deadline: 24 * H, earlier: [4 * H], source: 'DORA RTS 2025/301 Art. 5: initial notification 4 h from classification as major, at the latest 24 h from awareness [§0.5, §3.5]' }],
  [inBasis(/GDPR\s*Art\.?\s*33\b/), { kind: 'fixed', deadline: 72 * H, source: 'GDPR Art. 33: where feasible within 72 hours of awareness [§2.1]' }],
  [inBasis(/GDPR\s*Art\.?\s*34\b/), { kind: 'no-number', source: 'GDPR Art. 34: without undue delay [§2.2]' }],
  [inBasis(/Art\.?\s*26\s*\(5\)/), { kind: 'no-number', source: 'AI Act Art. 26(5): immediately / without undue delay [§1.3]' }],
  [inBasis(/Art\.?\s*55\s*\(1\)\s*\(c\)/), { kind: 'no-number', source: 'AI Act Art. 55(1)(c): without undue delay [§1.0]' }],
  [inBasis(/Art\.?\s*20\b/), { kind: 'no-number', source: 'AI Act Art. 20: corrective action immediately [§1.4]' }],
];

/** A basis that is the organisation's own rule (exempt from the table). */
const OWN_POLICY = /\b(polic(y|ies)|procedure|internal rule|own rule|runbook|playbook)\b/i;
/** Words that tell how a scenario counts a deadline the law does not number. */
const COUNTED = /\b(this scenario|the scenario|counts?|allows?|treats?|reads? (it|this) as|interpret|at the authority's request)/i;

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));
const packDirs = readdirSync(SCENARIOS).filter((name) => statSync(join(SCENARIOS, name)).isDirectory());

/** What is wrong with an obligation's deadline against the table, or undefined. */
function deadlineProblem(o: Obligation): string | undefined {
  if (OWN_POLICY.test(o.basis)) return undefined;
  const row = DEADLINES.find(([matches]) => matches(o));
  if (!row) return `basis "${o.basis}" is not in the DOMAIN-FACTS deadline table: add the provision (with its DOMAIN-FACTS section) or, if it is the organisation's own rule, say "policy" in the basis`;
  const rule = row[1];
  const earlier = (o.earlierDeadlines ?? []).map((l) => l.within).sort((a, b) => a - b);
  switch (rule.kind) {
    case 'fixed':
      if (o.deadline !== rule.deadline) return `deadline is ${o.deadline} minutes; ${rule.source} gives ${rule.deadline}`;
      if (rule.earlier && JSON.stringify(earlier) !== JSON.stringify(rule.earlier)) return `earlier limbs are [${earlier.join(', ')}] minutes; ${rule.source} gives [${rule.earlier.join(', ')}]`;
      return undefined;
    case 'range':
      return o.deadline >= rule.min && o.deadline <= rule.max ? undefined : `deadline is ${o.deadline} minutes; ${rule.source}`;
    case 'no-number':
      return COUNTED.test(`${o.basis} ${o.description ?? ''}`) ? undefined : `${rule.source} has no number of hours: say in the description how the scenario counts the ${o.deadline} minutes`;
  }
}

describe('obligation deadlines agree with DOMAIN-FACTS.md', () => {
  it('ships at least one pack', () => {
    expect(packDirs.length).toBeGreaterThan(0);
  });

  it.each(packDirs)('%s', async (name) => {
    const loaded = await loadPack(join(SCENARIOS, name));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const problems = loaded.value.pack.obligations.flatMap((o) => {
      const problem = deadlineProblem(o);
      return problem ? [`${o.id}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('the deadline table itself', () => {
  const obligation = (basis: string, deadline: number, extra: Partial<Obligation> = {}): Obligation =>
    ({ id: 'o', title: 'O', basis, trigger: { var: 'x', eq: true }, deadline, recipient: 'R', owner: 'legal-lead', satisfiedBy: ['m'], ...extra }) as Obligation;

  it.each([
    ['EU AI Act Art. 73(2)', 15 * D, undefined],
    ['EU AI Act Art. 73(2)', 2 * D, 'deadline is 2880 minutes; AI Act Art. 73(2): at the latest 15 days after awareness [§1.2] gives 21600'],
    ['EU AI Act Art. 73(3) (widespread infringement)', 2 * D, undefined],
    ['EU AI Act Art. 73(4) (death)', 10 * D, undefined],
    ['EU AI Act Art. 73(4) (death)', 2 * D, 'deadline is 2880 minutes; AI Act Art. 73(4): a death, at the latest 10 days after awareness [§1.2] gives 14400'],
    ['GDPR Art. 33', 72 * H, undefined],
    ['GDPR Art. 33', 96 * H, 'deadline is 5760 minutes; GDPR Art. 33: where feasible within 72 hours of awareness [§2.1] gives 4320'],
    ['Acme incident policy (board within 4 hours)', 4 * H, undefined],
    ['Some national law § 12', 4 * H, 'basis "Some national law § 12" is not in the DOMAIN-FACTS deadline table: add the provision (with its DOMAIN-FACTS section) or, if it is the organisation\'s own rule, say "policy" in the basis'],
  ])('%s with %i minutes', (basis, deadline, problem) => {
    expect(deadlineProblem(obligation(basis, deadline))).toBe(problem);
  });

  it('reads the Art. 73 sub-paragraphs a basis cites, and DORA\'s report from the title', () => {
    expect(deadlineProblem(obligation('EU AI Act Art. 73(1), (2) and (5) (provider)', 15 * D))).toBeUndefined();
    expect(deadlineProblem(obligation('EU AI Act Art. 73(1), (2) and (5) (provider)', 10 * D))).toMatch(/^deadline is 14400 minutes; AI Act Art. 73\(2\)/);
    expect(deadlineProblem(obligation('DORA Art. 19; Delegated Reg. (EU) 2025/301 Art. 5', 72 * H, { title: 'DORA intermediate report' }))).toBeUndefined();
    expect(deadlineProblem(obligation('DORA Art. 19; Delegated Reg. (EU) 2025/301 Art. 5', 30 * D, { title: 'DORA final report' }))).toBeUndefined();
  });

  it('DORA initial notification needs both limbs: 24 h from awareness and 4 h from classification as major', () => {
    const limb = { after: { var: testVariableId('major'), eq: true }, within: simMinutes(4 * H) };
    expect(deadlineProblem(obligation('DORA Art. 19 (RTS 2025/301 Art. 5)', 24 * H, { title: 'DORA initial notification', earlierDeadlines: [limb] }))).toBeUndefined();
    expect(deadlineProblem(obligation('DORA Art. 19 (RTS 2025/301 Art. 5)', 24 * H, { title: 'DORA initial notification' }))).toBe(
      'earlier limbs are [] minutes; DORA RTS 2025/301 Art. 5: initial notification 4 h from classification as major, at the latest 24 h from awareness [§0.5, §3.5] gives [240]',
    );
  });

  it('"without undue delay" needs the pack to say how it counts the hours', () => {
    expect(deadlineProblem(obligation('EU AI Act Art. 26(5)', 24 * H))).toBe('AI Act Art. 26(5): immediately / without undue delay [§1.3] has no number of hours: say in the description how the scenario counts the 1440 minutes');
    expect(deadlineProblem(obligation('EU AI Act Art. 26(5)', 24 * H, { description: 'This scenario counts it as met within 24 hours.' }))).toBeUndefined();
  });
});
