/**
 * A severity misread on the critical first day costs what it should, however
 * long the scenario runs on: the track is followed for three days from the
 * first signal (and a day past the last new evidence), not averaged over all
 * 18 days of the flagship, where a day at V1 against V4 weighed a few per cent.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { playScript, score, simMinutes, type Pack, type ScriptEntry } from '../../../src/engine';
import { loadPack } from '../../../src/main/packs/load-pack';
import { testRunId } from '../../ids';

const DAY = 24 * 60;
let pack: Pack;

beforeAll(async () => {
  const loaded = await loadPack(fileURLToPath(new URL('../../../scenarios/biased-hiring', import.meta.url)));
  if (!loaded.ok) throw new Error('the flagship does not load');
  pack = loaded.value.pack;
});

const byTime = (entries: ScriptEntry[]) => [...entries].sort((a, b) => (a.at ?? -1) - (b.at ?? -1));
const played = (script: readonly ScriptEntry[]) => {
  const run = playScript(pack, script, { seed: 1, skipRefused: true, runId: testRunId('severity-window') });
  return score(pack, run.header, run.log);
};

describe('the severity over the incident', () => {
  it('charges a first day spent at V1 against V4, though the rest of the response is the reference', () => {
    const firstDayDropped = pack.reference.timeline.filter((e) => !(e.command.type === 'severity.classify' && (e.at ?? 0) < DAY));
    const script = byTime([
      ...firstDayDropped,
      { at: simMinutes(40), by: 'incident-lead', command: { type: 'severity.classify', level: 1 } },
      { at: simMinutes(DAY + 20), by: 'incident-lead', command: { type: 'severity.classify', level: 4 } },
    ]);
    const report = played(script);
    const misread = report.lines.find((l) => l.id === 'detect.severity.misread');
    expect(misread?.points ?? 0).toBeLessThanOrEqual(-5);
    expect(report.total).toBeLessThanOrEqual(90);
    expect(report.lines.find((l) => l.id === 'detect.severity.track')?.reason).toMatch(/^From Day 1 .+ to Day 4 .+ \(.+\) the team was under-classified for /);
  });

  it('leaves the reference its full marks', () => {
    expect(played(pack.reference.timeline).total).toBe(100);
  });
});
