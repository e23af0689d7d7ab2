/**
 * The flagship's key numbers agree across all its files — pack.yaml, the
 * included YAML files and the Markdown attachments. Every expected figure is
 * derived from the inputs the header comment of `scenarios/biased-hiring/pack.yaml`
 * names (applications a day, the women's share, the two selection rates, the
 * go-live time of v4.2, the 42-day log rotation, the recruiters' capacity), and
 * every figure the text states is checked against it: excess rejections (the
 * harm counter) are never presented as all the women rejected, and the other
 * way round; dates fall on the weekdays the text gives them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { playScript, type Pack } from '../../src/engine';
import { loadPack } from '../../src/main/packs/load-pack';
import { testInjectId } from '../ids';

const DIR = fileURLToPath(new URL('../../scenarios/biased-hiring', import.meta.url));
/** Every text file of the pack, by path relative to the pack folder. */
const files = new Map<string, string>(
  [
    ...readdirSync(DIR).filter((f) => f.endsWith('.yaml')),
    ...readdirSync(join(DIR, 'attachments')).map((f) => `attachments/${f}`),
  ].map((f) => [f, readFileSync(join(DIR, f), 'utf8')]),
);
/** The text without YAML comment lines (the header comment states the derivations, with unrounded figures). */
const prose = (text: string) => text.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
const allProse = () => [...files.entries()].map(([f, t]) => [f, prose(t)] as const);
/** Every match of `pattern` in the prose of every file, with the file and the text around it. */
function occurrences(pattern: RegExp, around = 220): { file: string; match: string; context: string }[] {
  const out: { file: string; match: string; context: string }[] = [];
  for (const [file, text] of allProse()) {
    for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) {
      out.push({ file, match: m[0], context: text.slice(Math.max(0, m.index - around), m.index + m[0].length + around).replace(/\s+/g, ' ') });
    }
  }
  return out;
}
const parseNumber = (s: string) => Number(s.replace(/,/g, ''));
const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const withCommas = (n: number) => n.toLocaleString('en-GB');

let pack: Pack;
const numberVar = (id: string) => {
  const v = pack.variables.find((x) => x.id === id);
  if (v?.type !== 'number') throw new Error(`${id} is not a number variable`);
  return v;
};
const inject = (id: string) => pack.injects.find((i) => i.id === id) ?? expect.fail(`no inject ${id}`);
const move = (id: string) => pack.moves.find((m) => m.id === id) ?? expect.fail(`no move ${id}`);

beforeAll(async () => {
  const loaded = await loadPack(DIR);
  if (!loaded.ok) throw new Error('the flagship does not load');
  pack = loaded.value.pack;
});

/** The fairness dashboard's gender table: screened and passed per group, as printed. */
function dashboardRows(): Record<string, { screened: number; passed: number; rate: number; ratio: number }> {
  const text = files.get('attachments/fairness-dashboard.md')!;
  const rows: Record<string, { screened: number; passed: number; rate: number; ratio: number }> = {};
  for (const m of text.matchAll(/^\| (Men|Women|Other \/ prefer not to say) \| ([\d,]+) \| ([\d,]+) \| ([\d.]+)% \| \**([\d.]+)\**/gm)) {
    rows[m[1]!] = { screened: parseNumber(m[2]!), passed: parseNumber(m[3]!), rate: Number(m[4]) / 100, ratio: Number(m[5]) };
  }
  return rows;
}

// The inputs of the header comment. The two rates and the counts are read from the dashboard itself.
const WOMEN_SHARE = 0.35;
const WINDOW_DAYS = 42; // 24 January – 5 March, the dashboard's and the analysis's window
const GO_LIVE = '2028-01-24T06:00:00+01:00';
const LOG_RETENTION_DAYS = 42;

describe('the flagship’s numbers: rates and the people affected', () => {
  it('the dashboard’s counts give its rates and ratio, and cover the 71% who answered the questionnaire', () => {
    const rows = dashboardRows();
    expect(Object.keys(rows)).toEqual(['Men', 'Women', 'Other / prefer not to say']);
    for (const row of Object.values(rows)) expect(row.passed / row.screened).toBeCloseTo(row.rate, 3);
    expect(rows.Women!.rate / rows.Men!.rate).toBeCloseTo(rows.Women!.ratio, 2);
    const screened = Object.values(rows).reduce((a, r) => a + r.screened, 0);
    expect(screened).toBe(Math.round(0.71 * pack.system.decisionsPerDay * WINDOW_DAYS));
  });

  it('the alert, the analysis and the reference state the same rates and impact ratio as the dashboard', () => {
    const { Men, Women } = dashboardRows();
    const ratio = (Women!.rate / Men!.rate).toFixed(2);
    for (const id of ['fairness-alert', 'bias-analysis']) expect(inject(id).body, id).toContain(`0.62`);
    expect(ratio).toBe('0.62');
    for (const [file, text] of allProse()) {
      for (const m of text.matchAll(/impact ratio (?:for women )?(?:of |is |women ÷ men: )?\**(0\.\d\d)/gi)) {
        // Every impact ratio stated for v4.2 in production is 0.62 (weekly values 0.60–0.63); others belong to v4.1, v4.3 or other groups.
        const context = text.slice(Math.max(0, m.index! - 160), m.index! + 80);
        if (/v4\.2|six weeks|0\.80 alert/.test(context) && !/v4\.1|v4\.3|audit|restart|holdout/i.test(context)) expect(m[1], `${file}: ${context}`).toBe('0.62');
      }
    }
  });

  it('the harm rate and the harm at T0 follow from applications × women’s share × the rate gap and the time since v4.2 went live', () => {
    const { Men, Women } = dashboardRows();
    const excessPerDay = pack.system.decisionsPerDay * WOMEN_SHARE * (Men!.rate - Women!.rate);
    expect(numberVar('harm_rate').initial).toBeCloseTo(excessPerDay / 24, 1);
    const hoursLive = (Date.parse(pack.clock.start) - Date.parse(GO_LIVE)) / 3_600_000;
    expect(hoursLive / 24).toBeCloseTo(42.1, 1);
    expect(numberVar(pack.metrics.harm).initial).toBeCloseTo(excessPerDay * (hoursLive / 24), -1);
    // "about 115 a day" and "4.8 an hour" wherever the daily and hourly excess is stated.
    expect(Math.round(excessPerDay)).toBe(115);
    for (const o of occurrences(/about \**(\d+) more (?:excess rejections )?(?:a|every) day/)) expect(o.match, `${o.file}: ${o.context}`).toMatch(/\b115\b/);
  });

  it('“about 4,850” is the excess rejections of women, always said as such, and the only figure of its size', () => {
    const excess = roundTo(numberVar(pack.metrics.harm).initial, 50);
    expect(excess).toBe(4850);
    const found = occurrences(/\b4,8\d\d\b/);
    expect(found.length).toBeGreaterThan(8);
    for (const o of found) {
      expect(o.match, `${o.file}: ${o.context}`).toBe(withCommas(excess));
      // Said as the excess: beyond the men's rate, wrongly rejected, or "would have" passed — never as all the women rejected.
      expect(o.context, `${o.file}: ${o.context}`).toMatch(/men's (selection )?rate|wrongly|would have|excess|beyond|more would have|affected; serious/);
    }
  });

  it('about 27,400 women were rejected in all, and about 69,300 applicants', () => {
    const { Women } = dashboardRows();
    const applications = pack.system.decisionsPerDay * WINDOW_DAYS;
    const womenRejected = roundTo(applications * WOMEN_SHARE * (1 - Women!.rate), 100);
    expect(womenRejected).toBe(27_400);
    for (const o of occurrences(/\b27,\d{3}\b/)) {
      expect(o.match, o.file).toBe(withCommas(womenRejected));
      expect(o.context, `${o.file}: ${o.context}`).toMatch(/wom[ae]n/i);
      expect(o.context, `${o.file}: ${o.context}`).not.toMatch(/women and men/);
    }
    expect(occurrences(/\b27,400\b/).map((o) => o.file)).toEqual(expect.arrayContaining(['moves.yaml', 'governance.yaml', 'decisions.yaml', 'injects.yaml', 'attachments/bias-analysis.md']));
    // Every rejection (women and men): the overall auto-rejection rate of 68.8%.
    const overall = (1 - WOMEN_SHARE) * (1 - dashboardRows().Men!.rate) + WOMEN_SHARE * (1 - Women!.rate);
    expect(overall).toBeCloseTo(0.688, 3);
    const allRejected = roundTo(applications * overall, 100);
    for (const o of occurrences(/\b69,\d{3}\b/)) expect(o.match, o.file).toBe(withCommas(allRejected));
    expect(occurrences(/\b69,300\b/).map((o) => o.file)).toEqual(expect.arrayContaining(['moves.yaml', 'attachments/bias-analysis.md']));
  });

  it('the misdirected spreadsheet holds the women who reported their gender and were rejected, as the dashboard counts them', () => {
    const { Women } = dashboardRows();
    const rejectedWithGender = Women!.screened - Women!.passed;
    expect(rejectedWithGender).toBe(19_782);
    for (const o of occurrences(/\b19,\d{3}\b/)) expect(o.match, o.file).toBe(withCommas(rejectedWithGender));
    expect(inject('spreadsheet-misdirected').body).toContain(withCommas(rejectedWithGender));
    expect(occurrences(/4,812/)).toEqual([]);
  });

  it('a week is 16,800 applications, and the weekly impact ratios average 0.62', () => {
    expect(inject('monday-standup').body).toContain(withCommas(pack.system.decisionsPerDay * 7));
    const weekly = files.get('attachments/fairness-dashboard.md')!.match(/^\| Impact ratio \|(.*)\|$/m)![1]!.split('|').map(Number);
    expect(weekly).toHaveLength(6);
    expect(weekly.reduce((a, b) => a + b, 0) / weekly.length).toBeCloseTo(0.62, 2);
  });

  it('the role families average the overall ratio, and the analysis names the two worst as the dashboard has them', () => {
    const table = [...files.get('attachments/fairness-dashboard.md')!.matchAll(/^\| ([A-Za-z ]+) \| (\d+)% \| \*\*(0\.\d\d)\*\*/gm)].map((m) => ({ family: m[1]!, share: Number(m[2]) / 100, ratio: Number(m[3]) }));
    expect(table.map((r) => r.family)).toEqual(['Maintenance technicians', 'IT and engineering', 'Drivers', 'Warehouse operatives', 'Stores and office']);
    expect(table.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 9);
    expect(table.reduce((a, r) => a + r.share * r.ratio, 0)).toBeCloseTo(0.62, 2);
    const worst = [...table].sort((a, b) => a.ratio - b.ratio).slice(0, 2);
    const analysis = inject('bias-analysis').body;
    for (const r of worst) expect(analysis.toLowerCase()).toContain(`${r.family.toLowerCase()} (${r.ratio.toFixed(2)})`);
  });

  it('the baseline before v4.2 is the December 2027 audit of v4.1 (0.87) everywhere, never a period the 42-day logs could not hold', () => {
    const baseline = occurrences(/0\.87\b/, 200);
    expect(baseline.length).toBeGreaterThanOrEqual(5);
    for (const o of baseline) {
      expect(o.context, `${o.file}: ${o.context}`).toMatch(/v4\.1|before v4\.2|December 2027/i);
      expect(o.context, `${o.file}: ${o.context}`).not.toMatch(/v3\.9|Q4 2027|April 2027|twelve weeks/);
    }
    expect(inject('ai-register-entry').body).toMatch(/Last bias audit \| December 2027[^|]*model v4\.1[^|]*0\.87/);
    for (const [file, text] of allProse()) expect(text, file).not.toMatch(/weeks before the update averaged/);
  });
});

/** 2028-03-07 at 00:00 in the scenario's offset, as scenario minutes from T0. */
function minutesFromStart(pack: Pack, localDate: string): number {
  const offset = pack.clock.start.slice(19);
  return (Date.parse(`${localDate}T00:00:00${offset}`) - Date.parse(pack.clock.start)) / 60_000;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('the flagship’s dates and clocks', () => {
  it('every weekday-and-date in the text is that weekday in 2028', () => {
    const dated = occurrences(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\d{1,2}) (January|February|March|April|May)\b/, 0);
    expect(dated.length).toBeGreaterThan(10);
    for (const o of dated) {
      const [, day, date, month] = o.match.match(/(\w+) (\d+) (\w+)/)!;
      const weekday = new Date(Date.UTC(2028, MONTHS.indexOf(month!), Number(date))).getUTCDay();
      expect(DAYS[weekday], `${o.file}: ${o.match}`).toBe(day);
    }
  });

  it('the first day of v4.2 is purged by the 00:00 rotation of the first night, as the warning and the purge say', () => {
    // At 00:00 on day D a 42-day rolling retention keeps the days from D − 42 on: 24 January goes at 00:00 on 7 March.
    const goLive = new Date(GO_LIVE);
    const purgeDay = new Date(Date.UTC(goLive.getUTCFullYear(), goLive.getUTCMonth(), goLive.getUTCDate() + LOG_RETENTION_DAYS + 1));
    const purgeAt = minutesFromStart(pack, purgeDay.toISOString().slice(0, 10));
    expect(purgeAt).toBe(15 * 60 + 30);
    expect(JSON.stringify(inject('logs-purged').when)).toContain(`"elapsed":{"gte":${purgeAt}}`);
    expect(inject('logs-purged').body).toMatch(/24 January 2028\*\*, the\s+first day of v4\.2/);
    expect(inject('logs-purged').title).toContain('before 25 January');
    expect(inject('log-retention-warning').body).toMatch(/24 January, the first day of v4\.2, are purged at midnight\s+> tonight/);
    // "Tonight" holds: an unprepared team (no monitoring, no logging) is warned on day 1, before the purge.
    const run = playScript(pack, [{ by: 'facilitator', command: { type: 'run.start' } }], { seed: 1 });
    const warned = run.state.fired[testInjectId('log-retention-warning')];
    expect(warned).toBeDefined();
    expect(warned!).toBeLessThan(purgeAt);
    expect(run.state.fired[testInjectId('logs-purged')]).toBe(purgeAt);
  });

  it('the Art. 73 outer limit in the reminder is 15 days after the first signal', () => {
    const run = playScript(pack, pack.reference.timeline, { seed: 1 });
    const aware = run.state.fired[testInjectId('fairness-alert')]!;
    const due = new Date(Date.parse(pack.clock.start) + (aware + 15 * 24 * 60) * 60_000);
    const local = new Date(due.getTime() + 60 * 60_000); // UTC+1
    expect(inject('art73-clock-reminder').body).toContain(`${DAYS[local.getUTCDay()]} ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]}`);
  });

  it('rejections go out within minutes, as the complaint’s four minutes say; nothing is queued for 48 hours', () => {
    expect(pack.system.purpose).toMatch(/within minutes/);
    const complaint = files.get('attachments/candidate-complaint.md')!;
    const [applied, rejected] = [...complaint.matchAll(/at (\d\d):(\d\d)/gi)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    expect(rejected! - applied!).toBe(4);
    expect(occurrences(/48 hours|48-hour/).filter((o) => !/without undue delay|48 hours from awareness/.test(o.context))).toEqual([]);
  });
});

describe('the flagship’s screening capacity', () => {
  it('arrivals are 100 an hour day and night; recruiters’ office-hours capacity averages 40 an hour over the week', () => {
    const arrivals = pack.system.decisionsPerDay / 24;
    expect(inject('suspension-confirmed').effects).toContainEqual({ add: 'backlog_rate', by: arrivals });
    expect(inject('suspension-via-vendor').effects).toContainEqual({ add: 'backlog_rate', by: arrivals });
    const manual = -((move('activate-manual-screening').effects ?? []).find((e) => 'add' in e && e.add === 'backlog_rate') as { by: number }).by;
    expect(manual).toBe(40);
    const perWorkingDay = roundTo((manual * 24 * 7) / 5, 10);
    expect(perWorkingDay).toBe(1340);
    const brief = pack.roles.find((r) => r.role === 'business-owner')!.brief;
    expect(brief).toContain(`${withCommas(perWorkingDay)} applications per working day`);
    expect(brief).toContain(`${manual * 24} a day, ${manual} an hour, over the week`);
    expect(move('activate-manual-screening').description).toContain(`${withCommas(perWorkingDay)} applications per working day`);
    // Never again "40 an hour across the team" as if recruiters worked around the clock.
    expect(occurrences(/40 applications an hour/)).toEqual([]);
    // The temporary screeners of the restart decision: 30 an hour on average, about 1,000 per working day.
    const hold = pack.decisions.find((d) => d.id === 'restart-pressure')!.options!.find((o) => o.id === 'hold-and-scale')!;
    const temps = -((hold.effects ?? []).find((e) => 'add' in e) as { by: number }).by;
    expect(roundTo((temps * 24 * 7) / 5, 100)).toBe(1000);
    expect(hold.rationale).toContain('about 1,000 applications per working day');
  });
});

describe('the flagship’s law: who owes what, and since when', () => {
  const deployerActs = () => [
    ...pack.moves.filter((m) => !['retrain-model'].includes(m.id)).map((m) => `${m.label} ${m.description ?? ''}`),
    ...pack.reference.required.map((r) => r.reason),
    ...pack.reference.forbidden.map((f) => f.reason),
    ...pack.obligations.map((o) => `${o.basis} ${o.description ?? ''}`),
  ];

  it('no deployer act rests on Art. 12; Art. 73(6) is only ever the provider’s duty', () => {
    for (const text of deployerActs()) expect(text).not.toMatch(/Art\. 12\b/);
    for (const o of occurrences(/73\(6\)/, 260)) expect(o.context, `${o.file}: ${o.context}`).toMatch(/provider|Lumora/);
  });

  it('Art. 26(7) is cited only with the date it applies from, never for the 2026 introduction', () => {
    for (const o of occurrences(/26\(7\)/, 400)) {
      expect(o.context, `${o.file}: ${o.context}`).toContain('2 December 2027');
      expect(o.context, o.file).not.toMatch(/informed before TalentLens was introduced \(Art\. 26\(7\)\)/);
    }
  });

  it('GDPR Art. 22 is a right not to be subject to a solely automated decision, and its legal basis is asked', () => {
    const legal = pack.roles.find((r) => r.role === 'legal-lead')!.brief;
    expect(legal).toContain('right not to be subject to such a decision');
    expect(legal).toMatch(/Art\. 22\(2\)/);
    expect(inject('legal-memo').opens).toContain('auto-rejection-basis');
    const decision = pack.decisions.find((d) => d.id === 'auto-rejection-basis')!;
    expect(decision.best).toEqual(['none-until-documented']);
    expect(pack.reference.timeline.some((e) => e.command.type === 'decision.answer' && e.command.decision === decision.id && e.command.options.join() === 'none-until-documented')).toBe(true);
    expect(move('legal-signoff').description).toMatch(/Art\. 22\(2\)/);
  });

  it('the breach branch has its Art. 34 assessment: a decision, a move and a clock', () => {
    const obligation = pack.obligations.find((o) => o.basis.includes('Art. 34'))!;
    expect(obligation.trigger).toEqual({ var: 'data_breach', eq: true });
    expect(obligation.satisfiedBy).toEqual(['inform-breach-subjects']);
    expect(inject('spreadsheet-misdirected').opens).toContain('breach-communication');
    expect(inject('spreadsheet-misdirected').body).toContain('Art. 34');
  });
});
