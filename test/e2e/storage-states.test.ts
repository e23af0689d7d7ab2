/**
 * What people see of the storage rules, in the real UI over the real
 * services: a damaged run listed, viewed read-only and marked partial; a
 * live run whose log was taken away, with the not-saved banner; leaving it
 * and quitting both ask what to do with the unsaved moves. Every state is
 * checked with axe and photographed (test-results/screenshots/).
 */
import type { RunId } from '../../src/engine';
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnsavedGuard } from '../../src/main/sessions/unsaved-guard';
import { axeViolations, describeViolations } from './harness/axe';
import { backendCases } from './harness/backends';
import { launchApp, type AppHandle } from './harness/launch-app';

const [browserCase] = backendCases();
const skip = browserCase?.skip;

describe.skipIf(Boolean(skip))(`storage states people see [browser]${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let app: AppHandle;
  beforeAll(async () => {
    app = await launchApp('browser');
  });
  afterAll(async () => {
    await app?.close();
  });

  const services = () => {
    if (!app.services) throw new Error('the browser backend has services');
    return app.services;
  };

  async function startedRun(title: string): Promise<RunId> {
    const packId = (await services().handlers.listPacks()).find((entry) => entry.ok)?.id;
    if (!packId) throw new Error('no valid bundled pack');
    const created = await services().sessions.create({ packId, mode: 'solo', participants: ['Ada'], title });
    if (!created.ok) throw new Error(created.error.message);
    const runId = created.value.runId;
    await services().sessions.submit(runId, { by: 'incident-lead', command: { type: 'run.start' } });
    await services().sessions.submit(runId, { by: 'incident-lead', command: { type: 'severity.classify', level: 2 } });
    return runId;
  }

  it('lists a damaged run as partial and read-only, and shows its debrief marked partial', async () => {
    const runId = await startedRun('Damaged drill');
    await services().sessions.close(runId);
    await appendFile(join(app.userDataDir, 'runs', runId, 'log.jsonl'), 'this line is not JSON\n');
    const { page } = app;
    await page.getByRole('button', { name: 'History' }).click();
    const table = page.getByRole('table', { name: 'Saved runs, newest first' });
    await expect.poll(() => table.getByText('Damaged — partial, read-only').isVisible()).toBe(true);
    expect(await table.getByRole('button', { name: /^Resume/ }).count()).toBe(0);
    await app.screenshot('history-damaged-run');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await table.getByRole('button', { name: /^View the partial run/ }).click();
    await expect.poll(() => page.getByText(/^Partial run \(read-only\)/).isVisible()).toBe(true);
    await app.screenshot('debrief-partial-run');
    const debriefViolations = await axeViolations(page);
    expect(debriefViolations, describeViolations(debriefViolations)).toEqual([]);
  });

  it('says a live run whose log was replaced is not being saved, and asks before leaving it', async () => {
    const runId = await startedRun('Log taken away');
    const { page } = app;
    await page.evaluate((id) => (window.location.hash = `#/run/${id}`), runId);
    await expect.poll(() => page.getByRole('heading', { name: 'Moves' }).isVisible()).toBe(true);
    const logPath = join(app.userDataDir, 'runs', runId, 'log.jsonl');
    const before = await readFile(logPath, 'utf8');
    await rm(logPath);
    await mkdir(logPath);
    await services().sessions.submit(runId, { by: 'facilitator', command: { type: 'note.add', text: 'after the log was replaced' } });
    await expect.poll(() => page.getByText('This run is not being saved.').isVisible()).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'not being saved' }).textContent()).toContain('the app can no longer save to this run’s folder');
    await app.screenshot('run-not-saved-log-replaced');

    await page.getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: 'Some entries are not saved' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Try saving again' }).count()).toBe(0);
    await app.screenshot('leave-run-unsaved-dialog');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('heading', { name: 'Moves' }).isVisible()).toBe(true);

    // Quitting asks the same, in the window; exporting saves every entry elsewhere.
    const guard = createUnsavedGuard({ sessions: services().sessions, ask: services().unsavedPrompts.ask, chooseExportPath: async () => join(app.userDataDir, 'rescued.vaimrun.json') });
    const quitting = guard.confirm('quit');
    await expect.poll(() => dialog.getByRole('button', { name: 'Discard them and quit' }).isVisible()).toBe(true);
    await app.screenshot('quit-unsaved-dialog');
    await dialog.getByRole('button', { name: 'Export them…' }).click();
    expect(await quitting).toBe(true);
    const rescued = JSON.parse(await readFile(join(app.userDataDir, 'rescued.vaimrun.json'), 'utf8'));
    expect(rescued.log.map((e: { command: unknown }) => e.command)).toContainEqual({ type: 'note.add', text: 'after the log was replaced' });
    expect(before.length).toBeGreaterThan(0);
  });
});
