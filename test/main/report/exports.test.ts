/**
 * The report exports: a versioned JSON envelope of the whole debrief, a
 * readable Markdown report, one self-contained printable HTML file, written
 * to disk by `writeReport`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDebrief, type Debrief } from '../../../src/engine/scoring';
import { escapeHtml, renderReport, toHtml, toMarkdown, writeReport } from '../../../src/main/report';
import { markdownCell } from '../../../src/main/report/sanitize';
import { at, minimalPack, move, play, timeline } from '../../engine/scoring/helpers';
import { testDecisionId } from '../../ids';

const IL = 'incident-lead' as const;
const TL = 'technical-lead' as const;

function sampleDebrief(): Debrief {
  const pack = minimalPack();
  const { header, log } = play(pack, timeline(
    at(undefined, 'facilitator', { type: 'role.assign', role: IL, participant: 'Ada' }),
    at(30, IL, { type: 'decision.answer', decision: testDecisionId('classify-severity'), options: ['v2'] }),
    move(35, TL, 'preserve-evidence'),
    move(90, TL, 'suspend-model'),
    move(120, TL, 'restart-model'),
    at(480, IL, { type: 'trace.reflect', section: 'trust', text: 'We **trusted** the dashboard.' }),
  ));
  return buildDebrief(pack, header, log);
}

describe('exports', () => {
  const debrief = sampleDebrief();
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vaim-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('JSON: the whole debrief in a versioned envelope', async () => {
    const file = join(dir, 'report.json');
    await writeReport(debrief, 'json', file);
    const parsed = JSON.parse(await readFile(file, 'utf8'));
    expect(parsed.format).toBe('vaim-report');
    expect(parsed.version).toBe(1);
    expect(parsed.debrief).toEqual(JSON.parse(JSON.stringify(debrief)));
  });

  it('Markdown: the score, every line, the timeline, obligations and TRACE', async () => {
    const file = join(dir, 'report.md');
    await writeReport(debrief, 'md', file);
    const md = await readFile(file, 'utf8');
    expect(md).toBe(toMarkdown(debrief));
    expect(md).toContain(`## Score: ${debrief.score.total} / 100`);
    for (const l of debrief.score.lines) expect(md).toContain(`| ${markdownCell(l.reason)} | ${markdownCell(l.reference)} |`);
    expect(md).toContain('| Event | Team | Reference |');
    expect(md).toContain('**Recovery gate breached: ');
    expect(md).toContain('### Trust — Was the system trusted appropriately?');
    expect(md).toContain('We **trusted** the dashboard.');
  });

  it('HTML: one printable A4 file with every line, both charts and the TRACE sections', async () => {
    const file = join(dir, 'report.html');
    await writeReport(debrief, 'html', file);
    const html = await readFile(file, 'utf8');
    expect(html).toBe(toHtml(debrief));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('break-inside: avoid');
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    for (const l of debrief.score.lines) expect(html).toContain(escapeHtml(l.reason));
    for (const s of debrief.trace) expect(html).toContain(escapeHtml(s.question));
    // The participants' Markdown is rendered (sanitised), not shown raw.
    expect(html).toContain('We <strong>trusted</strong> the dashboard.');
    // Self-contained: no script and nothing loaded from elsewhere.
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|href)="https?:/i);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const file = join(dir, 'again.html');
    await writeReport(debrief, 'md', file);
    await writeReport(debrief, 'html', file);
    expect(await readFile(file, 'utf8')).toBe(renderReport(debrief, 'html'));
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with the file system’s error when the folder does not exist', async () => {
    await expect(writeReport(debrief, 'json', join(dir, 'missing', 'r.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('what the report leads with and teaches', () => {
  const debrief = sampleDebrief();

  it('opens with the three biggest losses, each with what the reference did instead', () => {
    const html = toHtml(debrief);
    const md = toMarkdown(debrief);
    expect(debrief.lessons).toHaveLength(3);
    expect(html.indexOf('What to take away')).toBeLessThan(html.indexOf('Every point explained'));
    for (const lesson of debrief.lessons) {
      expect(html).toContain(escapeHtml(lesson.what));
      expect(md).toContain(`−${lesson.lost}:`);
    }
  });

  it('shows each decision with the option chosen and the pack’s rationale for it', () => {
    const html = toHtml(debrief);
    const severity = debrief.decisions.find((d) => d.id === 'classify-severity');
    expect(severity?.team.chosen.map((o) => o.id)).toEqual(['v2']);
    expect(html).toContain('<h2>Decisions</h2>');
    expect(html).toContain('differs from the reference');
  });

  it('says a damaged run is partial, in every format', () => {
    const partial = { ...debrief, run: { ...debrief.run, partial: 'The log is damaged at line 7; the report covers the 6 entries before it.' } };
    expect(toHtml(partial)).toContain('Partial run: The log is damaged at line 7');
    expect(toMarkdown(partial)).toContain('> Partial run: The log is damaged at line 7');
    expect(JSON.parse(renderReport(partial, 'json')).debrief.run.partial).toContain('line 7');
  });
});
