/**
 * History: every saved run. Resume an interrupted run where it stopped, open
 * a debrief, export a run as one file, import one, delete (after confirming).
 */
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../shared/runs';
import { AttemptsByPack } from '../components/AttemptsByPack';
import { Dialog } from '../components/Dialog';
import { formatSpan } from '../../engine';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';

const STATUS_LABELS: Record<string, string> = {
  setup: 'Being prepared',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
  interrupted: 'Interrupted — can be resumed',
  damaged: 'Damaged — partial, read-only',
  corrupt: 'Damaged — cannot be opened',
  unsupported: 'Made by another app version',
};

export function HistoryScreen() {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const runs = useStore((s) => s.runs);
  const load = useStore((s) => s.loadRuns);
  const importRun = useStore((s) => s.importRun);
  const [toDelete, setToDelete] = useState<RunSummary>();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="history-title" className="screen">
      <div className="screen-head">
        <div>
          <h1 id="history-title" ref={heading} tabIndex={-1}>History</h1>
          <p className="lede">Every run is saved here. Resume an interrupted run or compare attempts.</p>
        </div>
        <button type="button" onClick={() => void importRun()}>Import a run file…</button>
      </div>
      {runs === undefined ? <p aria-busy="true">Loading…</p> : null}
      {runs && runs.length === 0 ? <p>No runs yet. Prepare one from the library.</p> : null}
      {runs && runs.length > 0 ? <AttemptsByPack runs={runs} /> : null}
      {runs && runs.length > 0 ? <RunTable runs={runs} onDelete={setToDelete} /> : null}
      {toDelete ? <DeleteDialog run={toDelete} onClose={() => setToDelete(undefined)} /> : null}
    </section>
  );
}

function RunTable({ runs, onDelete }: { readonly runs: readonly RunSummary[]; readonly onDelete: (run: RunSummary) => void }) {
  const navigate = useStore((s) => s.navigate);
  const exportRun = useStore((s) => s.exportRun);
  const sorted = [...runs].sort((a, b) => String(b.ok ? b.createdAt : b.createdAt ?? '').localeCompare(String(a.ok ? a.createdAt : a.createdAt ?? '')));
  return (
    <div className="table-scroll">
      <table className="history-table">
        <caption className="visually-hidden">Saved runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">When</th>
            <th scope="col">Mode</th>
            <th scope="col">Status</th>
            <th scope="col">Score</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((run) =>
            run.ok ? (
              <tr key={run.runId}>
                <th scope="row">
                  {run.packTitle}
                  {run.title ? <span className="hint"> — {run.title}</span> : null}
                  <span className="hint"> · v{run.packVersion}</span>
                </th>
                <td>{new Date(run.createdAt).toLocaleString('en-GB')}</td>
                <td>{run.mode === 'facilitated' ? 'Facilitated' : 'Solo'}</td>
                <td>
                  {STATUS_LABELS[run.status] ?? run.status}
                  {run.status !== 'ended' ? <span className="hint"> at {formatSpan(run.simMinutes)} of {formatSpan(run.endMinutes)}</span> : null}
                  {run.repaired ? <span className="hint"> (last line repaired)</span> : null}
                  {run.damage ? <span className="hint"> — {run.damage.message}</span> : null}
                </td>
                <td>{run.score ? `${run.score.total.toFixed(1)} / ${run.score.max}${run.damage ? ' (partial)' : ''}` : '—'}</td>
                <td className="row-actions">
                  {run.status === 'damaged' ? (
                    <button type="button" className="primary" onClick={() => navigate({ screen: 'debrief', runId: run.runId })} aria-label={`View the partial run ${run.packTitle}, ${run.createdAt}`}>
                      View (read-only)
                    </button>
                  ) : run.status === 'ended' ? (
                    <button type="button" className="primary" onClick={() => navigate({ screen: 'debrief', runId: run.runId })} aria-label={`Debrief of ${run.packTitle}, ${run.createdAt}`}>
                      Debrief
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="primary"
                      onClick={() => navigate(run.phase === 'setup' ? { screen: 'briefing', runId: run.runId } : { screen: 'run', runId: run.runId })}
                      aria-label={`Resume ${run.packTitle}, ${run.createdAt}`}
                    >
                      Resume
                    </button>
                  )}
                  <button type="button" onClick={() => void exportRun(run.runId)} aria-label={`Export ${run.packTitle}, ${run.createdAt}`}>
                    Export
                  </button>
                  <button type="button" className="danger" onClick={() => onDelete(run)} aria-label={`Delete ${run.packTitle}, ${run.createdAt}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ) : (
              <tr key={run.runId} className="row-broken">
                <th scope="row">{run.title ?? run.packId ?? run.runId}</th>
                <td>{run.createdAt ? new Date(run.createdAt).toLocaleString('en-GB') : '—'}</td>
                <td>—</td>
                <td>
                  {STATUS_LABELS[run.status]}: {run.reason}
                </td>
                <td>—</td>
                <td className="row-actions">
                  <button type="button" className="danger" onClick={() => onDelete(run)} aria-label={`Delete damaged run ${run.runId}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function DeleteDialog({ run, onClose }: { readonly run: RunSummary; readonly onClose: () => void }) {
  const deleteRun = useStore((s) => s.deleteRun);
  return (
    <Dialog
      title="Delete this run?"
      onCancel={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Keep it</button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              onClose();
              void deleteRun(run.runId);
            }}
          >
            Delete permanently
          </button>
        </>
      }
    >
      <p>
        “{run.ok ? run.packTitle : run.runId}” and its whole log will be removed from this computer. This cannot be undone. Export it first if you want to keep a copy.
      </p>
    </Dialog>
  );
}
