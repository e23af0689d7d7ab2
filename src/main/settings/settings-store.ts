/**
 * User settings in userData/settings.json. A missing or corrupt file falls
 * back to the defaults (and is rewritten on the next change) so a bad file
 * never stops the app.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_READINESS_ITEMS } from '../../engine/pack/vocabulary';
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

/** Keeps only wordings of known checklist items (a hand-edited file cannot smuggle in anything else). */
function pickLabels(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const known = new Set(DEFAULT_READINESS_ITEMS.map((item) => item.id));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => known.has(entry[0]) && typeof entry[1] === 'string' && entry[1].trim().length > 0 && entry[1].length <= 300,
    ),
  );
}

async function readSettings(filePath: string): Promise<Settings> {
  try {
    const raw: unknown = JSON.parse(await readFile(filePath, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
    const record = raw as Record<string, unknown>;
    const pick = (key: 'largeText' | 'highContrast' | 'reduceMotion'): boolean => {
      const value = record[key];
      return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[key];
    };
    return { largeText: pick('largeText'), highContrast: pick('highContrast'), reduceMotion: pick('reduceMotion'), readinessLabels: pickLabels(record['readinessLabels']) };
  } catch {
    return DEFAULT_SETTINGS;
  }
}
