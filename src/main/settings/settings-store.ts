/**
 * User settings in userData/settings.json. A missing or corrupt file falls
 * back to the defaults, field by field (and is rewritten on the next change),
 * so a bad file never stops the app. The rules are in settings-schema.ts,
 * shared with the IPC validator.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/app';
import { writeFileAtomic } from '../fs/atomic';
import { settingsFromFile } from './settings-schema';

/** Reads and writes settings. */
export type SettingsStore = {
  readonly get: () => Promise<Settings>;
  readonly update: (patch: Partial<Settings>) => Promise<Settings>;
};

/** Creates the settings store over a file path. */
export function createSettingsStore(filePath: string): SettingsStore {
  let cached: Settings | undefined;
  const get = async (): Promise<Settings> => {
    if (cached) return cached;
    cached = await readSettings(filePath);
    return cached;
  };
  return {
    get,
    update: async (patch) => {
      const next = { ...(await get()), ...patch };
      await writeFileAtomic(filePath, JSON.stringify(next, null, 2) + '\n');
      cached = next;
      return next;
    },
  };
}

async function readSettings(filePath: string): Promise<Settings> {
  try {
    return settingsFromFile(JSON.parse(await readFile(filePath, 'utf8')));
  } catch {
    return DEFAULT_SETTINGS;
  }
}
