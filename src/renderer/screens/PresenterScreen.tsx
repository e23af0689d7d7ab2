/**
 * The presenter view for the projector: clock, harm counter (once known),
 * severity, the question being asked with its real-time countdown, every
 * inject addressed to the room (and a marker where one went to a role
 * only), the regulatory clocks, and the debrief summary at the end. It never
 * shows the answer key, facilitator notes, role-private content or controls.
 */
import type { RunId } from '../../engine';
import { Feed, feedEntries } from '../components/run/Feed';
import { Obligations } from '../components/run/Obligations';
import { RunHeader } from '../components/run/RunHeader';
import { PresenterQuestion } from '../components/presenter/PresenterQuestion';
import { PresenterSummary } from '../components/presenter/PresenterSummary';
import { RoomJoinCard } from '../components/room/RoomJoinCard';
import { useRun } from '../useRun';

export function PresenterScreen({ runId }: { readonly runId: RunId }) {
  const { run } = useRun(runId);
  if (!run) return <p aria-busy="true">Waiting for the run…</p>;
  // Only what the room may see: a role's private inject becomes a marker that something arrived for that role.
  const entries = feedEntries(run.pack, run.state.feed).map((entry) =>
    entry.visibleTo === 'all'
      ? entry
      : { key: entry.key, at: entry.at, channel: entry.channel, title: '', body: '', visibleTo: entry.visibleTo, attachments: [], released: entry.released, adhoc: entry.adhoc, withheld: true },
  );
  const ended = run.state.phase === 'ended';
  return (
    <section aria-labelledby="presenter-title" className="presenter">
      <RunHeader run={run} controls={false} title={<h1 id="presenter-title" className="run-title">{run.pack.title}</h1>} />
      <RoomJoinCard runId={runId} />
      <div className="presenter-grid">
        <Feed pack={run.pack} entries={entries} attachments={{}} heading="Latest" headingId="presenter-feed-title" />
        <div className="presenter-side">
          {ended ? <PresenterSummary run={run} /> : <PresenterQuestion pack={run.pack} state={run.state} />}
          <Obligations run={run} />
        </div>
      </div>
    </section>
  );
}
