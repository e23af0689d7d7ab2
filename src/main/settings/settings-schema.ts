/**
 * The one set of rules for settings: what a change over IPC may hold
 * (`settingsPatchSchema`, strict: anything unknown is refused with its name)
 * and what a settings file on disk may hold (`settingsFromFile`, lenient:
 * every field that breaks the same rules falls back to its default, so a
 * hand-edited or damaged file never stops the app).
 */
import { z } from 'zod';
import { DEFAULT_READINESS_ITEMS, readinessIdSchema } from '../../engine';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/app';

/** An item of the default readiness checklist. */
const DEFAULT_ITEM_IDS: ReadonlySet<string> = new Set(DEFAULT_READINESS_ITEMS.map((item) => item.id));
const readinessItem = readinessIdSchema.refine((id) => DEFAULT_ITEM_IDS.has(id), { message: 'must be an item of the default readiness checklist' });
/** The organisation's wording of one item. */
const readinessLabel = z.string().trim().min(1).max(300);

const FLAGS = ['largeText', 'highContrast', 'reduceMotion'] as const;

/** A change of settings (untrusted: it comes over IPC). */
export const settingsPatchSchema = z.strictObject({
  largeText: z.boolean().optional(),
  highContrast: z.boolean().optional(),
  reduceMotion: z.boolean().optional(),
  readinessLabels: z.partialRecord(readinessItem, readinessLabel).optional(),
}) satisfies z.ZodType<Partial<Settings>>;

/** The settings a file holds: each field checked with the rules above, a field that breaks them replaced by its default. */
export function settingsFromFile(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_SETTINGS;
  const record = raw as Record<string, unknown>;
  const flags = Object.fromEntries(
    FLAGS.map((key) => {
      const parsed = settingsPatchSchema.shape[key].safeParse(record[key]);
      return [key, parsed.success && parsed.data !== undefined ? parsed.data : DEFAULT_SETTINGS[key]];
    }),
  ) as Pick<Settings, (typeof FLAGS)[number]>;
  return { ...flags, readinessLabels: labelsFromFile(record['readinessLabels']) };
}

/** Keeps only wordings of known checklist items that follow the rules (a hand-edited file cannot smuggle in anything else). */
function labelsFromFile(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const kept: Record<string, string> = {};
  for (const [id, label] of Object.entries(value as Record<string, unknown>)) {
    const item = readinessItem.safeParse(id);
    const wording = readinessLabel.safeParse(label);
    if (item.success && wording.success) kept[item.data] = wording.data;
  }
  return kept;
}
