/**
 * The run's compact command bar: scenario clock (the pack's local time),
 * controls, the harm counter (once the first signal has arrived: before it
 * nobody in the scenario knows of any harm) and the current severity.
 */
import { formatSimDateTimeZone, formatSimTime, type Pack, type RunState } from '../../../engine';
import type { ActiveRun } from '../../store/run-slice';
import { liveStatus } from '../../store/run-slice';
import { severityLabel } from '../../lib/labels';
import { count } from '../../lib/numbers';
import { ClockControls } from './ClockControls';

const STATUS_TEXT = { setup: 'Not started', running: 'Running', paused: 'Paused', ended: 'Ended' } as const;

/** True once the team has had a signal (an inject past the Prepare stage) or has classified: the harm is then known. */
export function harmKnown(pack: Pack, state: RunState): boolean {
  if (state.severity.length > 0) return true;
  return state.feed.some((item) => item.adhoc || pack.injects.find((i) => i.id === item.injectId)?.stage !== 'prepare');
}

export function RunHeader({ run, controls, title }: { readonly run: ActiveRun; readonly controls: boolean; readonly title?: React.ReactNode }) {
  const { pack, state } = run;
  const harm = Number(state.vars[pack.metrics.harm] ?? 0);
  const severity = state.severity.at(-1)?.level ?? 0;
  const status = liveStatus(state);
  const known = harmKnown(pack, state);
  return (
    <header className="run-header" aria-label="Run status">
      <div className="run-clock">
        <span className="run-clock-day" aria-label={`Scenario time ${formatSimDateTimeZone(pack.clock.start, state.clock.now)}`}>
          {formatSimTime(pack.clock.start, state.clock.now)}
        </span>
        <span className={`run-state run-state-${status}`}>
          {STATUS_TEXT[status]}
          {run.header.skipQuietPeriods && status === 'running' ? ' · skips quiet periods' : ''}
        </span>
      </div>
      {title}
      {controls ? <ClockControls run={run} /> : null}
      <div className="harm-counter" role="group" aria-label={pack.metrics.harmLabel}>
        <span className="harm-value">{known ? count(harm) : '—'}</span>
        <span className="harm-label">{known ? pack.metrics.harmLabel : 'Harm: nothing known yet'}</span>
      </div>
      <div className={`severity-chip sev-${severity}`} aria-label={`Current severity: ${severityLabel(severity)}`}>
        {severity ? `V${severity}` : 'V?'}
        <span className="severity-chip-name">{severity ? severityLabel(severity).slice(3) : 'Not classified'}</span>
      </div>
    </header>
  );
}
