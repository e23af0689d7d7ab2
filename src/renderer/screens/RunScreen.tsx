/**
 * The run: clock and harm counter on top; the feed; decisions, classification
 * and moves; regulatory clocks, situation board and the decision log; and in
 * facilitated runs the facilitator console.
 */
import { useEffect } from 'react';
import { RUN_ACTIONS, typingInto } from '../actions/run-actions';
import { Announcer } from '../components/run/Announcer';
import { Classification } from '../components/run/Classification';
import { Dashboard } from '../components/run/Dashboard';
import { DecisionLog } from '../components/run/DecisionLog';
import { DecisionPrompts } from '../components/run/DecisionPrompts';
import { ActingAs, FacilitatorConsole } from '../components/run/FacilitatorConsole';
import { Feed, feedEntries } from '../components/run/Feed';
import { MovesPalette } from '../components/run/MovesPalette';
import { Obligations } from '../components/run/Obligations';
import { RunHeader, RunWarnings } from '../components/run/RunHeader';
import { RoomPanel } from '../components/room/RoomPanel';
import { call } from '../api';
import { controlActor } from '../store/run-slice';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';
import { useRun } from '../useRun';

export function RunScreen({ runId }: { readonly runId: string }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { run } = useRun(runId);
  const submit = useStore((s) => s.submit);
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  useEffect(() => {
    if (!run) return;
    const onKey = (event: KeyboardEvent) => {
      if (typingInto(event.target) || document.querySelector('[role="dialog"]')) return;
      const action = RUN_ACTIONS.find((a) => a.matches(event));
      if (!action || !action.enabled(run)) return;
      event.preventDefault();
      void submit(action.command(run), controlActor(run, useStore.getState().actingAs));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, submit]);
  useEffect(
    () => () => {
      // Leaving the run screen pauses the clock, so nobody misses injects while looking elsewhere.
      const current = useStore.getState().run;
      if (current?.runId === runId && current.state.phase === 'running' && !current.state.clock.paused) {
        void useStore.getState().submit({ type: 'clock.pause' }, controlActor(current, useStore.getState().actingAs));
        useStore.getState().notify('info', 'The clock was paused while you are away from the run.');
      }
    },
    [runId],
  );
  if (!run) return <p aria-busy="true">Opening the run…</p>;
  const facilitated = run.header.mode === 'facilitated';
  const openPresenter = () => call('openPresenter', run.runId).catch((error: Error) => notify('error', `The presenter window could not open: ${error.message}`));
  return (
    <section aria-labelledby="run-title" className="screen screen-wide run-screen">
      <h1 id="run-title" ref={heading} tabIndex={-1} className="run-title">
        {run.pack.title}
        {run.header.title ? <span className="hint"> — {run.header.title}</span> : null}
      </h1>
      <RunHeader run={run} controls />
      <RunWarnings run={run} />
      <Announcer run={run} />
      {run.state.phase === 'setup' ? (
        <div className="banner banner-info">
          The clock has not started. <button type="button" onClick={() => navigate({ screen: 'briefing', runId })}>Open the briefing</button>
        </div>
      ) : null}
      {run.state.phase === 'ended' ? (
        <div className="banner banner-info" role="status">
          The run has ended. <button type="button" className="primary" onClick={() => navigate({ screen: 'debrief', runId })}>Open the TRACE debrief</button>
        </div>
      ) : null}
      <div className="run-toolbar">
        <ActingAs run={run} />
        {facilitated ? <button type="button" onClick={() => void openPresenter()}>Open presenter window</button> : null}
        <p className="hint">Shortcuts: {RUN_ACTIONS.map((a) => `${a.shortcut} — ${a.label.toLowerCase()}`).join(' · ')}</p>
      </div>
      <div className="run-grid">
        <div className="run-col run-col-feed">
          <Feed pack={run.pack} entries={feedEntries(run.pack, run.state.feed)} attachments={run.attachments} />
        </div>
        <div className="run-col run-col-act">
          <DecisionPrompts run={run} />
          <Classification run={run} />
          <MovesPalette run={run} />
        </div>
        <div className="run-col run-col-status">
          <Obligations run={run} />
          <Dashboard run={run} />
          {facilitated ? <FacilitatorConsole run={run} /> : null}
          {facilitated ? <RoomPanel run={run} /> : null}
          <DecisionLog run={run} />
        </div>
      </div>
    </section>
  );
}
