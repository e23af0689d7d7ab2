/** App-level DTOs: information about the running app and user settings. */

/** What the app tells the UI about itself. */
export type AppInfo = {
  readonly name: string;
  readonly version: string;
  readonly engineVersion: number;
  readonly platform: string;
  /** Where runs and imported packs are stored (shown in Settings). */
  readonly dataDirectory: string;
};

/** User preferences, stored in userData/settings.json. */
export type Settings = {
  /** Large text for projectors. */
  readonly largeText: boolean;
  /** High-contrast colours for projectors. */
  readonly highContrast: boolean;
  /** Reduce motion (no animated counters). */
  readonly reduceMotion: boolean;
  /**
   * The organisation's own wording of the default readiness checklist, by item id
   * (ids stay fixed because packs refer to them). Missing ids use the app's wording.
   */
  readonly readinessLabels: Readonly<Partial<Record<string, string>>>;
};

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = { largeText: false, highContrast: false, reduceMotion: false, readinessLabels: {} };
