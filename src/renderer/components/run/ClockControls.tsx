/** Pause / resume, speed, jump to the next event, end the run. */
import { useState } from 'react';
import { Dialog } from '../Dialog';
import { useStore } from '../../store/store';
import { controlActor, type ActiveRun } from '../../store/run-slice';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

export function ClockControls({ run }: { readonly run: ActiveRun }) {
  const submit = useStore((s) => s.submit);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { state, pack } = run;
  const by = controlActor(run, useStore.getState().actingAs);
  if (state.phase !== 'running') return null;
  const base = pack.clock.compression;
  const factor = state.clock.compression / base;
  return (
    <div className="clock-controls" role="group" aria-label="Clock">
      {state.clock.paused ? (
        <button type="button" className="primary" onClick={() => void submit({ type: 'clock.resume' }, by)} aria-keyshortcuts="P">
          Resume
        </button>
      ) : (
        <button type="button" onClick={() => void submit({ type: 'clock.pause' }, by)} aria-keyshortcuts="P">
          Pause
        </button>
      )}
      <label className="speed">
        <span>Speed</span>
        <select
          value={SPEEDS.find((s) => Math.abs(s - factor) < 1e-9) ?? 1}
          onChange={(e) => void submit({ type: 'clock.setCompression', compression: base * Number(e.currentTarget.value) }, by)}
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              ×{speed} ({Number((base * speed).toPrecision(3))} min/s)
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void submit({ type: 'clock.jumpToNext' }, by)} aria-keyshortcuts="J">
        Next event
      </button>
      <button type="button" className="danger" onClick={() => setConfirmEnd(true)}>
        End run
      </button>
      {confirmEnd ? (
        <Dialog
          title="End the run now?"
          onCancel={() => setConfirmEnd(false)}
          actions={
            <>
              <button type="button" onClick={() => setConfirmEnd(false)}>Keep playing</button>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setConfirmEnd(false);
                  void submit({ type: 'run.end', reason: 'Ended by the team' }, by);
                }}
              >
                End and go to the debrief
              </button>
            </>
          }
        >
          <p>The clock stops and the debrief opens. Moves not yet made count as not made.</p>
        </Dialog>
      ) : null}
    </div>
  );
}
