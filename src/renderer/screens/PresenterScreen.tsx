/**
 * The presenter view for the projector: clock, harm counter, severity, the
 * regulatory clocks and the team-wide feed. It never shows the answer key,
 * facilitator notes, role-private injects or controls.
 */
import { Feed, feedEntries } from '../components/run/Feed';
import { Obligations } from '../components/run/Obligations';
import { RunHeader } from '../components/run/RunHeader';
import { RoomJoinCard } from '../components/room/RoomJoinCard';
import { useRun } from '../useRun';

export function PresenterScreen({ runId }: { readonly runId: string }) {
  const { run } = useRun(runId);
  if (!run) return <p aria-busy="true">Waiting for the run…</p>;
  const shared = feedEntries(run.pack, run.state.feed).filter((entry) => entry.visibleTo === 'all');
  return (
    <section aria-labelledby="presenter-title" className="screen screen-wide presenter">
      <h1 id="presenter-title" className="run-title">{run.pack.title}</h1>
      <RunHeader run={run} controls={false} />
      <RoomJoinCard runId={runId} />
      <div className="presenter-grid">
        <Feed pack={run.pack} entries={shared} attachments={run.attachments} heading="Latest" />
        <Obligations run={run} />
      </div>
    </section>
  );
}
