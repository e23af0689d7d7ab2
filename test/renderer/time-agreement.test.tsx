/**
 * One scenario-time formatter everywhere: for one run of the flagship, every
 * act's time reads the same on the run screen, in the after-action report
 * and in the CLI's score output — the pack's local time, Day N HH:MM — and
 * the clock's first reading is the start the pack's situation states.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildDebrief, formatSimDateTime, formatSimTime, playScript, score, simMinutes } from '../../src/engine';
import { formatReport } from '../../src/cli/commands/score';
import { loadPack } from '../../src/main/packs/load-pack';
import { toMarkdown } from '../../src/main/report';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import { FLAGSHIP, realMain } from './real-main';

const SCENARIOS = join(FLAGSHIP, '..');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('the clock starts where the briefing says, for every shipped pack', () => {
  it.each(readdirSync(SCENARIOS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name))('%s', async (dir) => {
    const loaded = await loadPack(join(SCENARIOS, dir));
    if (!loaded.ok) throw new Error(`${dir} does not load`);
    const { pack } = loaded.value;
    // The situation states the start in words ("Monday 6 March 2028, 08:30"); the clock's first reading must be that moment.
    const stated = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\d{1,2}) (\w+) (\d{4}), (\d{2}:\d{2})/.exec(pack.situation);
    expect(stated, `${dir}: the situation states no start date and time`).not.toBeNull();
    const [, weekday, day, month, year, time] = stated!;
    expect(formatSimDateTime(pack.clock.start, simMinutes(0))).toBe(`${weekday!.slice(0, 3)} ${day} ${month!.slice(0, 3)} ${year} ${time}`);
    expect(MONTHS).toContain(month);
    expect(formatSimTime(pack.clock.start, simMinutes(0))).toBe(`Day 1 ${time}`);
  });
});

describe('every time shown for one run agrees: run screen, report, CLI', () => {
  it('shows each act at the same scenario time in all three', async () => {
    const main = await realMain({ packs: [FLAGSHIP] });
    const run = await main.createRun('solo', 'biased-hiring');
    const opened = await main.services.sessions.open(run.runId);
    if (!opened.ok) throw new Error(opened.error.message);
    const pack = opened.value.pack.pack;
    // The reference response, played into the live run (its own clock advances made by the facilitator).
    const played = playScript(pack, pack.reference.timeline, { seed: 1 });
    for (const entry of played.log) {
      if (entry.command.type === 'run.end') break;
      if (run.state().clock.now >= 600 && entry.command.type === 'clock.advance') break;
      await run.submit(entry.by === 'system' ? 'facilitator' : entry.by, entry.command);
    }
    setDesktopApi(main.api);
    window.location.hash = `#/run/${run.runId}`;
    render(<App />);
    await screen.findByRole('region', { name: 'Decision log' });
    const log = await run.log();
    const state = run.state();
    const moves = state.moves;
    expect(moves.length).toBeGreaterThan(5);
    const debrief = buildDebrief(pack, opened.value.header, log);
    const report = toMarkdown(debrief);
    const cli = formatReport(score(pack, opened.value.header, log), pack.title);
    const uiLog = await waitFor(() => {
      const text = screen.getByRole('region', { name: 'Decision log' }).textContent ?? '';
      expect(text).toContain(pack.moves.find((m) => m.id === moves.at(-1)!.moveId)!.label);
      return text;
    });
    for (const move of moves) {
      const label = pack.moves.find((m) => m.id === move.moveId)!.label;
      const when = formatSimTime(pack.clock.start, move.at);
      expect(uiLog, `run screen: ${label}`).toContain(`${when} `);
      expect(uiLog).toMatch(new RegExp(`${when} [^\\n]*${label.replace(/[()]/g, '.')}`));
      expect(report.split('\n').some((line) => line.includes(label) && line.includes(when)), `report: ${label} at ${when}`).toBe(true);
      // The CLI explains the scored acts (required moves not judged through an obligation, which counts when they take effect), each with its time.
      if (pack.reference.required.some((r) => r.move === move.moveId) && !pack.obligations.some((o) => o.satisfiedBy.includes(move.moveId))) {
        expect(cli.split('\n').some((line) => line.includes(label) && line.includes(when)), `CLI: ${label} at ${when}`).toBe(true);
      }
    }
    // And nowhere a time in UTC or a raw minute count.
    for (const text of [uiLog, report, cli]) {
      expect(text).not.toMatch(/\d{2}:\d{2} UTC|minute \d{3,}/);
    }
  }, 30_000);
});
