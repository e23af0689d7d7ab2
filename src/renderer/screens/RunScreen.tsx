/**
 * The run. Solo practice: what needs you now and the feed, the act panel
 * (moves, classification), and the clocks, board and log, each panel
 * scrolling on its own so the screen reads at a glance. A facilitated run
 * shows the facilitator's console instead. Every action (buttons, keys,
 * shortcut help) comes from the registry in actions/run-actions.ts.
 */
import type { RunId } from '../../engine';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RunActionsContext } from '../actions/run-action-context';
import type { RunActionContext, RunPanel, RunUi } from '../actions/run-actions';
import { useHolds } from '../actions/useHolds';
import { useRunShortcuts, useShortcutsEnabled } from '../actions/useRunShortcuts';
import { call } from '../api';
import { CoachContext } from '../coach-context';
import { FacilitatorConsole } from '../components/console/FacilitatorConsole';
import { Announcer } from '../components/run/Announcer';
import { Classification } from '../components/run/Classification';
import { CoachPanel } from '../components/run/CoachPanel';
import { Dashboard } from '../components/run/Dashboard';
import { DecisionLog } from '../components/run/DecisionLog';
import { EndRunDialog } from '../components/run/EndRunDialog';
import { Feed, feedEntries } from '../components/run/Feed';
import { MovesPalette } from '../components/run/MovesPalette';
import { NeedsNow } from '../components/run/NeedsNow';
import { Obligations } from '../components/run/Obligations';
import { RunHeader } from '../components/run/RunHeader';
import { RunWarnings } from '../components/run/RunWarnings';
import { ShortcutsDialog } from '../components/run/ShortcutsDialog';
import { ActionButton } from '../components/run/ActionButton';
import { Tabs } from '../components/Tabs';
import { controlActor, type ActiveRun } from '../store/run-slice';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';
import { useRun } from '../useRun';
import { focusPanelElement } from './run-focus';

export function RunScreen({ runId }: { readonly runId: RunId }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { run } = useRun(runId);
  const submit = useStore((s) => s.submit);
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const actingAs = useStore((s) => s.actingAs);
  const [dialog, setDialog] = useState<'end' | 'shortcuts'>();
  const [actTab, setActTab] = useState('moves');
  const [shortcutsOn, setShortcutsOn] = useShortcutsEnabled();
  const { holds, toggleHold, stoppedFor } = useHolds(run, submit);
  const focusPanel = useCallback(
    (panel: RunPanel) => {
      const current = useStore.getState().run;
      if (!current) return;
      const target = focusPanelElement(current, panel);
      if (target.tab) setActTab(target.tab);
      // After React has shown the tab.
      setTimeout(() => document.querySelector<HTMLElement>(target.selector)?.focus(), 0);
    },
    [setActTab],
  );
  const ui: RunUi = useMemo(
    () => ({
      focusPanel,
      confirmEnd: () => setDialog('end'),
      showShortcuts: () => setDialog('shortcuts'),
      openPresenter: () => void call('openPresenter', runId).catch((error: Error) => notify('error', `The presenter window could not open: ${error.message}`)),
      toggleHold,
    }),
    [focusPanel, notify, runId, toggleHold],
  );
  const ctx: RunActionContext | undefined = useMemo(() => (run ? { run, by: controlActor(run, actingAs), submit, ui, holds } : undefined), [run, actingAs, submit, ui, holds]);
  useRunShortcuts(ctx, shortcutsOn);
  usePauseOnLeave(runId);
  if (!run || !ctx) return <p aria-busy="true">Opening the run…</p>;
  const facilitated = run.header.mode === 'facilitated';
  const held = stoppedFor ? run.pack.injects.find((i) => i.id === stoppedFor) : undefined;
  return (
    <RunActionsContext.Provider value={ctx}>
      <CoachContext.Provider value={run.header.coached === true}>
        <section aria-labelledby="run-title" className={`run-screen ${facilitated ? 'run-facilitated' : 'run-solo'}`}>
          <RunHeader
            run={run}
            controls
            title={
              <div className="run-heading">
                <h1 id="run-title" ref={heading} tabIndex={-1} className="run-title" title={run.pack.title}>
                  {facilitated ? 'Console: ' : ''}
                  {run.pack.title}
                </h1>
              </div>
            }
          />
          <RunWarnings run={run} />
          <Announcer run={run} />
          <RunBanners run={run} onBriefing={() => navigate({ screen: 'briefing', runId })} onDebrief={() => navigate({ screen: 'debrief', runId })} />
          {held ? (
            <div className="banner banner-warning" role="status">
              <span>
                The clock stopped before the held inject “{held.title}”. Release it now, or resume to let it arrive on time.
              </span>
              <ActionButton action="release-next" argument={held.id} label="Release now" />
            </div>
          ) : null}
          {facilitated ? <FacilitatorConsole actTab={actTab} onActTab={setActTab} /> : <SoloLayout run={run} actTab={actTab} onActTab={setActTab} />}
        </section>
        {dialog === 'end' ? (
          <EndRunDialog
            onCancel={() => setDialog(undefined)}
            onEnd={async () => {
              setDialog(undefined);
              if (await submit({ type: 'run.end', reason: 'Ended by the team' }, ctx.by)) navigate({ screen: 'debrief', runId });
            }}
          />
        ) : null}
        {dialog === 'shortcuts' ? <ShortcutsDialog run={run} enabled={shortcutsOn} onEnabled={setShortcutsOn} onClose={() => setDialog(undefined)} /> : null}
      </CoachContext.Provider>
    </RunActionsContext.Provider>
  );
}

function SoloLayout({ run, actTab, onActTab }: { readonly run: ActiveRun; readonly actTab: string; readonly onActTab: (tab: string) => void }) {
  return (
    <div className="run-grid">
      <div className="run-col run-col-now">
        <NeedsNow />
        <Feed pack={run.pack} entries={feedEntries(run.pack, run.state.feed)} attachments={run.attachments} />
      </div>
      <section className="run-col panel run-col-act" aria-label="Act">
        <Tabs
          label="Act"
          idPrefix="act"
          selected={actTab}
          onSelect={onActTab}
          tabs={[
            { id: 'moves', label: 'Moves', panel: () => <MovesPalette /> },
            { id: 'classify', label: 'Classify', panel: () => <Classification /> },
          ]}
        />
      </section>
      <div className="run-col run-col-status">
        {run.header.coached ? <CoachPanel /> : null}
        <Obligations run={run} />
        <Dashboard run={run} />
        <DecisionLog run={run} />
      </div>
    </div>
  );
}

function RunBanners({ run, onBriefing, onDebrief }: { readonly run: ActiveRun; readonly onBriefing: () => void; readonly onDebrief: () => void }) {
  if (run.state.phase === 'setup') {
    return (
      <div className="banner banner-info">
        The clock has not started. <button type="button" onClick={onBriefing}>Open the briefing</button>
      </div>
    );
  }
  if (run.state.phase === 'ended') {
    return (
      <div className="banner banner-info" role="status">
        The run has ended. <button type="button" className="primary" onClick={onDebrief}>Open the TRACE debrief</button>
      </div>
    );
  }
  return null;
}

/** Leaving the run screen pauses the clock, so nobody misses injects while looking elsewhere. */
function usePauseOnLeave(runId: RunId): void {
  useEffect(
    () => () => {
      const current = useStore.getState().run;
      if (current?.runId === runId && current.state.phase === 'running' && !current.state.clock.paused) {
        void useStore.getState().submit({ type: 'clock.pause' }, controlActor(current, useStore.getState().actingAs));
        useStore.getState().notify('info', 'The clock was paused while you are away from the run.');
      }
    },
    [runId],
  );
}
