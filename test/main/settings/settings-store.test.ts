/** Settings on a real temp directory: defaults, persistence, damaged files, and what a hand-edited file may hold. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validators } from '../../../src/main/ipc/validators';
import { createSettingsStore } from '../../../src/main/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/app';

let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'vaim-settings-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts from the defaults and persists a change across restarts', async () => {
    const file = join(dir, 'settings.json');
    expect(await createSettingsStore(file).get()).toEqual(DEFAULT_SETTINGS);
    await createSettingsStore(file).update({ highContrast: true, readinessLabels: { monitoring: 'Weekly fairness report reviewed' } });
    expect(await createSettingsStore(file).get()).toEqual({ ...DEFAULT_SETTINGS, highContrast: true, readinessLabels: { monitoring: 'Weekly fairness report reviewed' } });
  });

  it.each([
    ['not JSON', '{ nope'],
    ['JSON of the wrong shape', '[1, 2, 3]'],
    ['null', 'null'],
  ])('falls back to the defaults when the file is %s, and a change rewrites it', async (_label, content) => {
    const file = join(dir, 'settings.json');
    await writeFile(file, content);
    const store = createSettingsStore(file);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    await store.update({ largeText: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ largeText: true });
  });

  it('keeps only wordings of known checklist items from a hand-edited file', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ largeText: 'yes', readinessLabels: { monitoring: 'Ours', 'not-an-item': 'x', logging: 42, 'kill-switch': '  ' } }));
    expect(await createSettingsStore(file).get()).toEqual({ ...DEFAULT_SETTINGS, readinessLabels: { monitoring: 'Ours' } });
  });

  it.each([
    ['a plain wording', 'Ours', 'Ours'],
    ['a wording with spaces around it', '  Ours  ', 'Ours'],
    ['blank', '   ', undefined],
    ['too long', 'x'.repeat(301), undefined],
    ['not text', 42, undefined],
  ])('applies one rule to a change over IPC and to the file: %s', async (_label, wording, kept) => {
    const patch = { readinessLabels: { monitoring: wording } };
    const overIpc = validators.updateSettings.safeParse([patch]);
    expect(overIpc.success).toBe(kept !== undefined);
    if (overIpc.success) expect(overIpc.data[0].readinessLabels).toEqual({ monitoring: kept });
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify(patch));
    expect((await createSettingsStore(file).get()).readinessLabels).toEqual(kept === undefined ? {} : { monitoring: kept });
  });

  it('refuses over IPC, and drops from the file, what is not a setting or not a checklist item', async () => {
    expect(validators.updateSettings.safeParse([{ fontSize: 30 }]).success).toBe(false);
    expect(validators.updateSettings.safeParse([{ readinessLabels: { 'not-an-item': 'x' } }]).success).toBe(false);
    expect(validators.updateSettings.safeParse([{ largeText: 'yes' }]).success).toBe(false);
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ fontSize: 30, largeText: 'yes', highContrast: true, readinessLabels: { 'not-an-item': 'x' } }));
    expect(await createSettingsStore(file).get()).toEqual({ ...DEFAULT_SETTINGS, highContrast: true });
  });
});
