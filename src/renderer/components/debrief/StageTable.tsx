/** The score of each V-AIM stage as a table: the debrief's summary and the projector's (which leaves out penalties). */
import { STAGES, type ScoreReport } from '../../../engine';
import { STAGE_LABELS } from '../../lib/labels';

export function StageTable({ score, penalties }: { readonly score: ScoreReport; readonly penalties: boolean }) {
  return (
    <table className="stage-table">
      <caption className="visually-hidden">Score by V-AIM stage</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Score</th>
          <th scope="col">Of</th>
          {penalties ? <th scope="col">Penalties</th> : null}
        </tr>
      </thead>
      <tbody>
        {STAGES.map((stage) => {
          const s = score.stages[stage];
          return (
            <tr key={stage}>
              <th scope="row">{STAGE_LABELS[stage]}</th>
              <td>{s.pointsMax > 0 || s.penalties > 0 ? s.score.toFixed(1) : 'not applicable'}</td>
              <td>{s.max.toFixed(1)}</td>
              {penalties ? <td>{s.penalties > 0 ? `−${s.penalties.toFixed(1)}` : '—'}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
