/**
 * The library's filters, sort orders and each pack's record in the history:
 * pure functions over the library entries and the history rows, so the
 * screen only renders. Filters by failure type (R3AI) and peak severity give
 * away answers the learner is asked for, so the screen keeps them among the
 * facilitator's filters and never shows them on a card.
 */
import { DIFFICULTIES, type R3aiCategory, type RoleId, type SeverityLevel } from '../../engine';
import type { LibraryPackEntry } from '../../shared/library';
import type { RunSummary } from '../../shared/runs';

/** Length bands of an exercise (real minutes). */
export const DURATION_BANDS = {
  short: { label: 'Up to 30 minutes', min: 0, max: 30 },
  medium: { label: '31 to 60 minutes', min: 31, max: 60 },
  long: { label: 'Over 60 minutes', min: 61, max: Infinity },
} as const;
export type DurationBand = keyof typeof DURATION_BANDS;

/** Sort orders; `severity` is a facilitator's order (it reveals answers). */
export const SORT_ORDERS = {
  title: 'Title (A–Z)',
  duration: 'Shortest first',
  difficulty: 'Easiest first',
  sector: 'Sector (A–Z)',
  'not-tried': 'Not tried yet first',
  severity: 'Most severe first (reveals answers)',
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;

/** What the library is filtered by ('' = any). */
export type LibraryFilter = {
  readonly sector: string;
  readonly difficulty: string;
  readonly duration: '' | DurationBand;
  readonly role: '' | RoleId;
  readonly r3ai: '' | R3aiCategory;
  readonly severity: '' | `${SeverityLevel}`;
  readonly sort: SortOrder;
};

/** No filter, sorted by title. */
export const NO_FILTER: LibraryFilter = { sector: '', difficulty: '', duration: '', role: '', r3ai: '', severity: '', sort: 'title' };

/** How the learner did on a pack before (ended, scored runs in the history). */
export type PackRecord = { readonly attempts: number; readonly best?: number; readonly last?: number };

/** The record of every pack id in the history. */
export function packRecords(runs: readonly RunSummary[] | undefined): ReadonlyMap<string, PackRecord> {
  const byPack = new Map<string, { createdAt: string; total: number }[]>();
  for (const run of runs ?? []) {
    if (!run.ok || run.status !== 'ended' || !run.score) continue;
    byPack.set(run.packId, [...(byPack.get(run.packId) ?? []), { createdAt: run.createdAt, total: run.score.total }]);
  }
  const out = new Map<string, PackRecord>();
  for (const [packId, scored] of byPack) {
    const sorted = [...scored].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    out.set(packId, { attempts: sorted.length, best: Math.max(...sorted.map((s) => s.total)), last: sorted.at(-1)!.total });
  }
  return out;
}

/** The distinct sectors of the packs, sorted. */
export const sectorsOf = (packs: readonly LibraryPackEntry[]): string[] => [...new Set(packs.map((p) => p.summary.sector))].sort((a, b) => a.localeCompare(b));

function matches(entry: LibraryPackEntry, filter: LibraryFilter): boolean {
  const s = entry.summary;
  const band = filter.duration === '' ? undefined : DURATION_BANDS[filter.duration];
  return (
    (filter.sector === '' || s.sector === filter.sector) &&
    (filter.difficulty === '' || s.difficulty === filter.difficulty) &&
    (band === undefined || (s.durationMinutes >= band.min && s.durationMinutes <= band.max)) &&
    (filter.role === '' || s.roles.includes(filter.role)) &&
    (filter.r3ai === '' || s.r3ai === filter.r3ai) &&
    (filter.severity === '' || String(s.severity) === filter.severity)
  );
}

const byTitle = (a: LibraryPackEntry, b: LibraryPackEntry) => a.summary.title.localeCompare(b.summary.title);

function comparator(sort: SortOrder, records: ReadonlyMap<string, PackRecord>): (a: LibraryPackEntry, b: LibraryPackEntry) => number {
  switch (sort) {
    case 'title':
      return byTitle;
    case 'duration':
      return (a, b) => a.summary.durationMinutes - b.summary.durationMinutes || byTitle(a, b);
    case 'difficulty':
      return (a, b) => DIFFICULTIES.indexOf(a.summary.difficulty) - DIFFICULTIES.indexOf(b.summary.difficulty) || byTitle(a, b);
    case 'sector':
      return (a, b) => a.summary.sector.localeCompare(b.summary.sector) || byTitle(a, b);
    case 'not-tried':
      return (a, b) => (records.get(a.id)?.attempts ?? 0) - (records.get(b.id)?.attempts ?? 0) || byTitle(a, b);
    case 'severity':
      return (a, b) => b.summary.severity - a.summary.severity || byTitle(a, b);
  }
}

/** The packs that pass the filter, in its sort order. */
export function viewPacks(packs: readonly LibraryPackEntry[], filter: LibraryFilter, records: ReadonlyMap<string, PackRecord>): LibraryPackEntry[] {
  return packs.filter((p) => matches(p, filter)).sort(comparator(filter.sort, records));
}

/** Whether any filter is set (the sort order is not a filter). */
export const isFiltered = (filter: LibraryFilter): boolean => (Object.keys(NO_FILTER) as (keyof LibraryFilter)[]).some((k) => k !== 'sort' && filter[k] !== '');
