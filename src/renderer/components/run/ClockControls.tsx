/** Pause / resume, speed, next event, end: every control is a registry action (actions/run-actions.ts). */
import { runAction, SPEEDS, speedCommand, speedFactor } from '../../actions/run-actions';
import { useRunActions } from '../../actions/run-action-context';
import type { ActiveRun } from '../../store/run-slice';
import { ActionButton } from './ActionButton';

export function ClockControls({ run }: { readonly run: ActiveRun }) {
  const ctx = useRunActions();
  if (run.state.phase !== 'running') return null;
  const base = run.pack.clock.compression;
  const faster = runAction('speed-up');
  return (
    <div className="clock-controls" role="group" aria-label="Clock">
      <ActionButton action="toggle-pause" className={run.state.clock.paused ? 'primary' : undefined} />
      <ActionButton action="jump-next" />
      <label className="speed" title={`${faster.description} (${faster.shortcut}) or slower (${runAction('speed-down').shortcut})`}>
        <span className="visually-hidden">Speed</span>
        <select value={speedFactor(run)} onChange={(e) => void ctx.submit(speedCommand(run, Number(e.currentTarget.value)), ctx.by)}>
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              ×{speed} · {Number((base * speed).toPrecision(3))} min/s
            </option>
          ))}
        </select>
      </label>
      <ActionButton action="end-run" className="danger" />
      <ActionButton action="open-presenter" className="ghost" />
      <ActionButton action="shortcuts" className="ghost" label="?" ariaLabel="Keyboard shortcuts" />
    </div>
  );
}
