/**
 * User settings in userData/settings.json. A missing or corrupt file falls
 * back to the defaults (and is rewritten on the next change) so a bad file
 * never stops the app.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/app';
import { writeFileAtomic } from '../fs/atomic';

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
    const raw: unknown = JSON.parse(await readFile(filePath, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
    const record = raw as Record<string, unknown>;
    const pick = (key: keyof Settings): boolean => {
      const value = record[key];
      return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[key];
    };
    return { largeText: pick('largeText'), highContrast: pick('highContrast'), reduceMotion: pick('reduceMotion') };
  } catch {
    return DEFAULT_SETTINGS;
  }
}
