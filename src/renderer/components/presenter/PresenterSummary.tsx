/** The debrief summary for the projector at the end: the score and each stage, without the facilitator's notes. */
import { useEffect, useMemo } from 'react';
import { score } from '../../../engine';
import type { ActiveRun } from '../../store/run-slice';
import { StageTable } from '../debrief/StageTable';
import { useStore } from '../../store/store';
import { useRoomStatus } from '../room/useRoomStatus';

/**
 * The projector receives the pack without its reference until the facilitator releases the debrief (main's
 * projection: a valid pack always has a reference severity): only then can the score be shown.
 */
const answersReleased = (run: ActiveRun) => run.pack.reference.severity.length > 0;

export function PresenterSummary({ run }: { readonly run: ActiveRun }) {
  const released = answersReleased(run);
  const { status } = useRoomStatus(run.runId);
  const reopenRun = useStore((s) => s.reopenRun);
  const nowReleased = status?.debriefReleased === true && !released;
  useEffect(() => {
    // Released: main now sends this view the answers; follow the run again to receive them.
    if (nowReleased) void reopenRun(run.runId);
  }, [nowReleased, reopenRun, run.runId]);
  const report = useMemo(() => (released ? score(run.pack, run.header, run.entries) : undefined), [released, run.pack, run.header, run.entries]);
  if (!report) {
    return (
      <section className="panel presenter-summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Debrief</h2>
        <div className="panel-body">
          <p>The run has ended. The facilitator takes the room through the TRACE debrief; the summary appears here once they release it (console, Room tab).</p>
        </div>
      </section>
    );
  }
  return (
    <section className="panel presenter-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">
        Debrief: <span className="score-total">{report.total.toFixed(1)}</span> / 100
      </h2>
      <StageTable score={report} penalties={false} />
      <p className="hint">The full TRACE debrief is on the facilitator’s screen.</p>
    </section>
  );
}
