/**
 * The scenario library: bundled and imported packs. A broken pack shows
 * every problem with its location and never hides the others.
 */
import { useEffect, useMemo } from 'react';
import { ROLE_TITLES } from '../../engine';
import type { LibraryEntry, LibraryPackEntry } from '../../shared/library';
import { Dialog } from '../components/Dialog';
import { IssueList } from '../components/IssueList';
import { LibraryFilters } from '../components/LibraryFilters';
import { DIFFICULTY_LABELS } from '../lib/labels';
import { type PackRecord, packRecords, sectorsOf, viewPacks } from '../lib/library-view';
import { ImportProgressView } from '../components/ImportProgressView';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';

export function LibraryScreen() {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const library = useStore((s) => s.library);
  const busy = useStore((s) => s.libraryBusy);
  const load = useStore((s) => s.loadLibrary);
  const importFrom = useStore((s) => s.importPackFrom);
  const loadRuns = useStore((s) => s.loadRuns);
  const runs = useStore((s) => s.runs);
  const filter = useStore((s) => s.libraryFilter);
  useEffect(() => {
    void load();
    void loadRuns();
  }, [load, loadRuns]);
  const all = useMemo(() => (library ?? []).filter((e): e is LibraryPackEntry => e.ok), [library]);
  const records = useMemo(() => packRecords(runs), [runs]);
  const valid = useMemo(() => viewPacks(all, filter, records), [all, filter, records]);
  const broken = (library ?? []).filter((e) => !e.ok);
  return (
    <section aria-labelledby="library-title" className="screen">
      <div className="screen-head">
        <div>
          <h1 id="library-title" ref={heading} tabIndex={-1}>Scenario library</h1>
          <p className="lede">Choose a scenario pack to rehearse commanding an AI incident.</p>
        </div>
        <div className="toolbar" role="group" aria-label="Import a pack">
          <button type="button" onClick={() => void importFrom('folder')} disabled={busy}>Import pack folder…</button>
          <button type="button" onClick={() => void importFrom('file')} disabled={busy}>Import pack file (.yaml, .json, .zip)…</button>
        </div>
      </div>
      <ImportProgressView />
      <ImportFeedback />
      {library === undefined ? <p aria-busy="true">Loading the library…</p> : null}
      {library && valid.length === 0 && broken.length === 0 ? <p>No packs yet. Import one to begin.</p> : null}
      {all.length > 0 ? <LibraryFilters sectors={sectorsOf(all)} shown={valid.length} total={all.length} /> : null}
      {all.length > 0 && valid.length === 0 ? <p>No pack matches these filters.</p> : null}
      <ul className="pack-grid" aria-label="Scenario packs">
        {valid.map((entry) => (
          <PackCard key={`${entry.source}:${entry.id}`} entry={entry} record={records.get(entry.id)} />
        ))}
      </ul>
      {broken.length > 0 ? (
        <section aria-labelledby="broken-title" className="card broken-packs">
          <h2 id="broken-title">Packs that could not be loaded</h2>
          {broken.map((entry) => (
            <BrokenPack key={entry.path} entry={entry} />
          ))}
        </section>
      ) : null}
    </section>
  );
}

/** How the learner did on the pack before, in one line. */
function recordText(record: PackRecord | undefined): string {
  if (!record || record.best === undefined || record.last === undefined) return 'Not tried yet.';
  const tries = record.attempts === 1 ? 'Tried once' : `Tried ${record.attempts} times`;
  return record.attempts === 1 ? `${tries}: ${record.last.toFixed(1)} / 100.` : `${tries}: best ${record.best.toFixed(1)}, last ${record.last.toFixed(1)} / 100.`;
}

/** A pack's card. It never shows the failure type (R3AI) or the severity: the team is asked for both. */
function PackCard({ entry, record }: { readonly entry: LibraryPackEntry; readonly record: PackRecord | undefined }) {
  const navigate = useStore((s) => s.navigate);
  const remove = useStore((s) => s.removePack);
  const { summary } = entry;
  const titleId = `pack-${entry.source}-${summary.id}`;
  return (
    <li className="card pack-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{summary.title}</h2>
      <p className="pack-meta">
        <span>{summary.sector}</span>
        <span>{DIFFICULTY_LABELS[summary.difficulty]}</span>
        <span>About {summary.durationMinutes} min</span>
        <span>{entry.source === 'bundled' ? 'Bundled' : 'Imported'} · v{summary.version}</span>
      </p>
      <p className="pack-summary">{summary.summary.length > 320 ? `${summary.summary.slice(0, 317)}…` : summary.summary}</p>
      {summary.learningObjectives.length > 0 ? (
        <div className="pack-objectives">
          <h3 id={`${titleId}-teaches`}>What it teaches</h3>
          <ul aria-labelledby={`${titleId}-teaches`}>
            {summary.learningObjectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="pack-roles">
        <span className="hint">Roles: </span>
        {summary.roles.map((role) => ROLE_TITLES[role]).join(', ')}
      </p>
      <p className="pack-record">
        <span className="hint">Your results: </span>
        {recordText(record)}
      </p>
      {entry.warnings > 0 ? <p className="hint">{entry.warnings} authoring {entry.warnings === 1 ? 'warning' : 'warnings'} (the pack is usable).</p> : null}
      <div className="card-actions">
        <button type="button" className="primary" onClick={() => navigate({ screen: 'setup', packId: summary.id })} aria-describedby={titleId}>
          Prepare a run
        </button>
        {entry.source === 'imported' ? (
          <button type="button" className="danger" onClick={() => void remove(summary.id)} aria-describedby={titleId}>
            Remove
          </button>
        ) : null}
      </div>
    </li>
  );
}

function BrokenPack({ entry }: { readonly entry: LibraryEntry & { ok: false } }) {
  return (
    <div className="broken-pack">
      <h3>
        {entry.id ?? 'Unnamed pack'} <span className="hint">({entry.source}: <code>{entry.path}</code>)</span>
      </h3>
      <IssueList issues={entry.issues} label={`Problems in ${entry.id ?? entry.path}`} />
    </div>
  );
}

function ImportFeedback() {
  const problem = useStore((s) => s.importProblem);
  const conflict = useStore((s) => s.importConflict);
  const dismiss = useStore((s) => s.dismissImportProblem);
  const resolve = useStore((s) => s.resolveConflict);
  return (
    <>
      {problem ? (
        <section className="card import-problem" aria-labelledby="import-problem-title">
          <h2 id="import-problem-title">The pack was not imported</h2>
          <p role="alert" className="visually-hidden">
            The pack was not imported: {problem.issues.length || 1} {problem.issues.length === 1 ? 'problem' : 'problems'}.
          </p>
          <p>
            <code>{problem.name}</code>
          </p>
          {problem.message ? <p>{problem.message}</p> : null}
          {problem.issues.length > 0 ? <IssueList issues={problem.issues} label="Problems in the imported pack" /> : null}
          <button type="button" onClick={dismiss}>Dismiss</button>
        </section>
      ) : null}
      {conflict ? (
        <Dialog
          title="Replace the existing pack?"
          onCancel={() => void resolve(false)}
          actions={
            <>
              <button type="button" onClick={() => void resolve(false)}>Keep the existing pack</button>
              <button type="button" className="primary" onClick={() => void resolve(true)}>Replace it</button>
            </>
          }
        >
          <p>
            A pack with the id <code>{conflict.existing.id}</code> is already imported: “{conflict.existing.title}” version {conflict.existing.version}. Runs
            already recorded keep their own copy of the pack, so their results do not change.
          </p>
        </Dialog>
      ) : null}
    </>
  );
}
