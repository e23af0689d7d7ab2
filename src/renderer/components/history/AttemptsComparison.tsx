/**
 * Attempts side by side: the total, each stage and, one click away, each
 * scoring line, with what was gained, lost or unchanged against the attempt
 * before; then the team's timeline of each attempt beside the reference.
 */
import { formatSimTime, STAGES, type Debrief, type Pack, type SimMinutes } from '../../../engine';
import { compareAttempts, type Cell } from '../../lib/compare-attempts';
import { STAGE_LABELS } from '../../lib/labels';

const CHANGE_TEXT = { gained: 'gained', lost: 'lost', unchanged: 'unchanged', new: 'new' } as const;
const CHANGE_MARK = { gained: '▲', lost: '▼', unchanged: '=', new: '+' } as const;

function CellView({ cell, digits = 1, reason }: { readonly cell: Cell; readonly digits?: number; readonly reason?: string }) {
  return (
    <td className={cell.change ? `change-${cell.change}` : undefined} title={reason}>
      {cell.value === undefined ? '—' : cell.value.toFixed(digits)}
      {cell.change ? (
        <span className="change">
          {' '}
          <span aria-hidden="true">{CHANGE_MARK[cell.change]}</span> {CHANGE_TEXT[cell.change]}
        </span>
      ) : null}
    </td>
  );
}

export function AttemptsComparison({ pack, debriefs, labels }: { readonly pack: Pack; readonly debriefs: readonly Debrief[]; readonly labels: readonly string[] }) {
  const comparison = compareAttempts(pack, debriefs);
  const t = (m: SimMinutes | undefined) => (m === undefined ? '—' : formatSimTime(pack.clock.start, m));
  return (
    <div className="comparison">
      <div className="table-scroll">
        <table className="compare-table">
          <caption>Score by stage, each attempt against the one before</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {labels.map((label) => (
                <th key={label} scope="col">{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="compare-total">
              <th scope="row">Total (of 100)</th>
              {comparison.totals.map((cell, i) => (
                <CellView key={i} cell={cell} />
              ))}
            </tr>
            {comparison.stages.map((row) => (
              <tr key={row.stage}>
                <th scope="row">
                  {STAGE_LABELS[row.stage]} <span className="hint">(of {row.max.toFixed(1)})</span>
                </th>
                {row.cells.map((cell, i) => (
                  <CellView key={i} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {STAGES.map((stage) => {
        const row = comparison.stages.find((s) => s.stage === stage)!;
        if (row.lines.length === 0) return null;
        return (
          <details key={stage} className="compare-lines">
            <summary>
              {STAGE_LABELS[stage]}: every line ({row.lines.length})
            </summary>
            <div className="table-scroll">
              <table className="compare-table">
                <caption className="visually-hidden">{STAGE_LABELS[stage]} lines by attempt</caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    {labels.map((label) => (
                      <th key={label} scope="col">{label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {row.lines.map((line) => (
                    <tr key={line.id}>
                      <th scope="row">
                        {line.label}
                        {line.max > 0 ? <span className="hint"> (of {line.max})</span> : <span className="hint"> (penalty)</span>}
                      </th>
                      {line.cells.map((cell, i) => (
                        <CellView key={i} cell={cell} reason={line.reasons[i]} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
      <div className="table-scroll">
        <table className="compare-table compare-timeline">
          <caption>Timeline of each attempt (scenario time) beside the reference</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              {labels.map((label) => (
                <th key={label} scope="col">{label}</th>
              ))}
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {comparison.timeline.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.at.map((at, i) => (
                  <td key={i}>{t(at)}</td>
                ))}
                <td>{t(row.reference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
