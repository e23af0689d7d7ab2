/** The run's command bar: scenario clock, controls, harm counter, current severity. */
import { PartialRunNotice } from '../PartialRunNotice';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';
import { count, dayClock, fullDate } from '../../lib/time';
import { severityLabel } from '../../lib/labels';
import { ClockControls } from './ClockControls';

export function RunHeader({ run, controls }: { readonly run: ActiveRun; readonly controls: boolean }) {
  const { pack, state } = run;
  const harm = Number(state.vars[pack.metrics.harm] ?? 0);
  const severity = state.severity[state.severity.length - 1]?.level ?? 0;
  const running = state.phase === 'running' && !state.clock.paused;
  return (
    <header className="run-header" aria-label="Run status">
      <div className="run-clock">
        <span className="run-clock-day" aria-label={`Scenario time ${fullDate(pack.clock.start, state.clock.now)}`}>
          {dayClock(pack.clock.start, state.clock.now)}
        </span>
        <span className={`run-state run-state-${state.phase === 'running' ? (state.clock.paused ? 'paused' : 'running') : state.phase}`}>
          {state.phase === 'ended' ? 'Ended' : state.phase === 'setup' ? 'Not started' : running ? 'Running' : 'Paused'}
        </span>
      </div>
      {controls ? <ClockControls run={run} /> : null}
      <div className="harm-counter" role="group" aria-label={pack.metrics.harmLabel}>
        <span className="harm-value">{count(harm)}</span>
        <span className="harm-label">{pack.metrics.harmLabel}</span>
      </div>
      <div className={`severity-chip sev-${severity}`} aria-label={`Current severity: ${severityLabel(severity)}`}>
        {severity ? `V${severity}` : 'V?'}
        <span className="severity-chip-name">{severity ? severityLabel(severity).slice(3) : 'Not classified'}</span>
      </div>
    </header>
  );
}

/** Warnings that must not be missed: not saving to disk, a repaired log, a stalled clock. */
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
