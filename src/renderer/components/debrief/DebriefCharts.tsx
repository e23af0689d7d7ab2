/** Severity over time (the team's, what the evidence called for, the reference's) and harm (team, reference, doing nothing). */
import { formatSimTime, type Debrief, type SimMinutes } from '../../../engine';
import { count } from '../../lib/numbers';
import { LineChart, untilEnd } from './Charts';

/** Round numbers for a harm axis from `low` to `high`. */
function harmAxis(low: number, high: number): { min: number; max: number; ticks: number[] } {
  const span = Math.max(1, high - low);
  const unit = 10 ** Math.floor(Math.log10(span / 4));
  const step = [1, 2, 5, 10].map((m) => m * unit).find((s) => span / s <= 5) ?? unit * 10;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + 1e-9; v += step) ticks.push(v);
  return { min, max: max === min ? min + step : max, ticks };
}

export function DebriefCharts({ debrief }: { readonly debrief: Debrief }) {
  const end = debrief.run.reachedAt || debrief.pack.clockEnd;
  const t = (m: SimMinutes) => formatSimTime(debrief.pack.clockStart, m);
  const steps = (list: readonly { at: number; level: number }[]) => untilEnd(list.map((s) => [s.at, s.level] as const), end);
  const harm = [debrief.harm.team, debrief.harm.reference, debrief.harm.doNothing].map((s) => untilEnd(s, end));
  const values = harm.flat().map(([, v]) => v);
  const axis = harmAxis(Math.min(...values, Infinity) === Infinity ? 0 : Math.min(...values), Math.max(1, ...values));
  const last = (series: readonly (readonly [number, number])[]) => series.at(-1)?.[1] ?? 0;
  const unit = debrief.pack.harmUnit ? ` ${debrief.pack.harmUnit}` : '';
  return (
    <section className="card charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Severity and harm against the reference</h2>
      <div className="chart-row">
        <LineChart
          title="Severity over time"
          yLabel="V-SEV"
          description={`Your classifications: ${debrief.severity.team.filter((s) => s.level > 0).map((s) => `V${s.level} at ${t(s.at)}`).join(', ') || 'none'}. What the evidence called for: ${debrief.severity.expected.map((s) => `V${s.level} from ${t(s.at)}`).join(', ') || 'nothing yet'}.`}
          endMinutes={end}
          yMin={0}
          yMax={5}
          yTicks={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: `V${v}` }))}
          step
          series={[
            { label: 'Your team', points: steps(debrief.severity.team), className: 'series-team' },
            { label: 'What the evidence called for', points: steps(debrief.severity.expected), className: 'series-reference' },
          ]}
        />
        <LineChart
          title={debrief.pack.harmLabel}
          yLabel={debrief.pack.harmUnit ?? 'count'}
          description={`By the end: your team ${count(last(harm[0]!))}${unit}, the reference response ${count(last(harm[1]!))}${unit}, doing nothing ${count(last(harm[2]!))}${unit}. The axis starts at ${count(axis.min)}.`}
          endMinutes={end}
          yMin={axis.min}
          yMax={axis.max}
          yTicks={axis.ticks.map((v) => ({ value: v, label: count(v) }))}
          series={[
            { label: 'Your team', points: harm[0]!, className: 'series-team' },
            { label: 'Reference response', points: harm[1]!, className: 'series-reference' },
            { label: 'Doing nothing', points: harm[2]!, className: 'series-nothing' },
          ]}
        />
      </div>
    </section>
  );
}
