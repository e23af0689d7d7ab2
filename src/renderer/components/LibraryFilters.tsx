/**
 * Filter and sort controls of the library. Failure type (R3AI) and peak
 * severity are what a learner is asked to judge, so they sit in a closed
 * "Facilitator filters" group that says it reveals answers.
 */
import { DIFFICULTIES, R3AI_CATEGORIES, ROLE_IDS, ROLE_TITLES, SEVERITY_LEVELS } from '../../engine';
import { DURATION_BANDS, type LibraryFilter, SORT_ORDERS, type SortOrder } from '../lib/library-view';
import { DIFFICULTY_LABELS, R3AI_LABELS, severityLabel } from '../lib/labels';
import { useStore } from '../store/store';

type Option = readonly [value: string, label: string];

function Select({ label, value, options, onChange }: { label: string; value: string; options: readonly Option[]; onChange: (value: string) => void }) {
  const id = `library-filter-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}

/** The controls; `sectors` are the sectors of the listed packs, `shown`/`total` the count of packs listed. */
export function LibraryFilters({ sectors, shown, total }: { readonly sectors: readonly string[]; readonly shown: number; readonly total: number }) {
  const filter = useStore((s) => s.libraryFilter);
  const set = useStore((s) => s.setLibraryFilter);
  const clear = useStore((s) => s.clearLibraryFilter);
  const pick = (key: keyof LibraryFilter) => (value: string) => set({ [key]: value } as Partial<LibraryFilter>);
  const learnerSorts = (Object.keys(SORT_ORDERS) as SortOrder[]).filter((k) => k !== 'severity' || filter.sort === 'severity');
  return (
    <form className="card library-filters" aria-label="Filter and sort the packs" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-row">
        <Select label="Sector" value={filter.sector} options={[['', 'Any sector'], ...sectors.map((s): Option => [s, s])]} onChange={pick('sector')} />
        <Select label="Difficulty" value={filter.difficulty} options={[['', 'Any difficulty'], ...DIFFICULTIES.map((d): Option => [d, DIFFICULTY_LABELS[d] ?? d])]} onChange={pick('difficulty')} />
        <Select label="Length" value={filter.duration} options={[['', 'Any length'], ...Object.entries(DURATION_BANDS).map(([k, b]): Option => [k, b.label])]} onChange={pick('duration')} />
        <Select label="Role to practise" value={filter.role} options={[['', 'Any role'], ...ROLE_IDS.map((r): Option => [r, ROLE_TITLES[r]])]} onChange={pick('role')} />
        <Select label="Sort by" value={filter.sort} options={learnerSorts.map((k): Option => [k, SORT_ORDERS[k]])} onChange={pick('sort')} />
      </div>
      <details className="facilitator-filters" open={filter.r3ai !== '' || filter.severity !== '' || filter.sort === 'severity'}>
        <summary>Facilitator filters (they reveal answers the team is asked for)</summary>
        <div className="filter-row">
          <Select label="Failure type (R3AI)" value={filter.r3ai} options={[['', 'Any failure type'], ...R3AI_CATEGORIES.map((c): Option => [c, R3AI_LABELS[c].name])]} onChange={pick('r3ai')} />
          <Select label="Peak severity" value={filter.severity} options={[['', 'Any severity'], ...SEVERITY_LEVELS.map((l): Option => [String(l), severityLabel(l)])]} onChange={pick('severity')} />
          <div className="field">
            <button type="button" onClick={() => set({ sort: 'severity' })} aria-pressed={filter.sort === 'severity'}>Sort most severe first</button>
          </div>
        </div>
      </details>
      <p className="hint" role="status">
        Showing {shown} of {total} {total === 1 ? 'pack' : 'packs'}.{' '}
        {shown < total ? <button type="button" className="link" onClick={clear}>Clear filters</button> : null}
      </p>
    </form>
  );
}
