/**
 * The facilitator's console (facilitated runs, main window only — never the
 * presenter): laid out like an exercise controller's desk, the events list
 * (MSEL) beside the live picture of the room, the team's acts and the answer
 * key as a live checklist, with private notes always at hand. It fits the
 * screen; each panel scrolls on its own.
 */
import { useRunActions } from '../../actions/run-action-context';
import { RoomPanel } from '../room/RoomPanel';
import { Tabs } from '../Tabs';
import { Classification } from '../run/Classification';
import { Dashboard } from '../run/Dashboard';
import { DecisionLog } from '../run/DecisionLog';
import { Feed, feedEntries } from '../run/Feed';
import { MovesPalette } from '../run/MovesPalette';
import { NeedsNow } from '../run/NeedsNow';
import { Obligations } from '../run/Obligations';
import { ActsByRole } from './ActsByRole';
import { AnswerKeyPanel } from './AnswerKeyPanel';
import { EventsPanel } from './EventsPanel';
import { FacilitatorGuide } from './FacilitatorGuide';
import { NotesPanel } from './NotesPanel';

export function FacilitatorConsole({ actTab, onActTab }: { readonly actTab: string; readonly onActTab: (tab: string) => void }) {
  const { run } = useRunActions();
  const teamTab = actTab === 'moves' || actTab === 'classify' ? 'record' : actTab;
  return (
    <div className="console-grid">
      <div className="console-col">
        <EventsPanel />
      </div>
      <div className="console-col console-room">
        <NeedsNow />
        <Feed pack={run.pack} entries={feedEntries(run.pack, run.state.feed)} attachments={run.attachments} />
      </div>
      <section className="console-col panel" aria-label="The team">
        <Tabs
          label="The team"
          idPrefix="team"
          selected={teamTab}
          onSelect={onActTab}
          tabs={[
            {
              id: 'record',
              label: 'Record',
              panel: () => (
                <div className="stack">
                  <Classification />
                  <MovesPalette />
                </div>
              ),
            },
            { id: 'acts', label: 'Acts by role', panel: () => <ActsByRole /> },
            { id: 'room', label: 'Room', panel: () => <RoomPanel run={run} /> },
            {
              id: 'board',
              label: 'Clocks',
              panel: () => (
                <div className="stack">
                  <Obligations run={run} />
                  <Dashboard run={run} />
                  <DecisionLog run={run} />
                </div>
              ),
            },
          ]}
        />
      </section>
      <div className="console-col console-key">
        <section className="panel" aria-label="Answer key and guide">
          <Tabs
            label="Answer key and guide"
            idPrefix="key"
            tabs={[
              { id: 'key', label: 'Answer key', panel: () => <AnswerKeyPanel /> },
              { id: 'guide', label: 'Guide', panel: () => <FacilitatorGuide pack={run.pack} compression={run.state.clock.compression} skipQuiet={run.header.skipQuietPeriods === true} /> },
            ]}
          />
        </section>
        <NotesPanel />
      </div>
    </div>
  );
}
