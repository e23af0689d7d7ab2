/** Warnings that must not be missed: not saving to disk, a repaired log, a stalled clock, a refused command. */
import { PartialRunNotice } from '../PartialRunNotice';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';

export function RunWarnings({ run }: { readonly run: ActiveRun }) {
  const clearRejection = useStore((s) => s.clearRejection);
  const exportRun = useStore((s) => s.exportRun);
  return (
    <>
      {!run.persistence.ok ? (
        <div className="banner banner-error" role="alert">
          <span>
            <strong>This run is not being saved.</strong> {run.persistence.reason}. {run.persistence.unsaved} {run.persistence.unsaved === 1 ? 'entry is' : 'entries are'}{' '}
            held in memory only;{' '}
            {run.persistence.retrying ? 'the app keeps trying.' : 'the app can no longer save to this run’s folder.'} Export the run to another place (another disk or a USB stick) to keep it.
          </span>
          <button type="button" onClick={() => void exportRun(run.runId)}>Export the run…</button>
        </div>
      ) : null}
      <PartialRunNotice damage={run.damage} />
      {run.repaired ? (
        <div className="banner banner-warning" role="status">
          {run.repaired.message}
        </div>
      ) : null}
      {run.clockError ? (
        <div className="banner banner-error" role="alert">
          The clock stopped: {run.clockError}
        </div>
      ) : null}
      {run.rejection ? (
        <div className="banner banner-warning" role="alert">
          <span>Not accepted: {run.rejection}</span>
          <button type="button" onClick={clearRejection} aria-label="Dismiss">×</button>
        </div>
      ) : null}
    </>
  );
}
