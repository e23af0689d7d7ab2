/**
 * Line and step charts drawn as inline SVG, each with a text alternative.
 * Series run to the end of the axis (a severity holds until it changes),
 * the x axis is labelled in scenario days, and the y axis starts where the
 * data does (a harm count that starts at thousands is not drawn from zero,
 * so lines that differ do not look identical).
 */
type Series = { readonly label: string; readonly points: readonly (readonly [number, number])[]; readonly className: string };

const W = 640;
const H = 230;
const PAD = { left: 64, right: 16, top: 12, bottom: 34 };

function path(points: readonly (readonly [number, number])[], x: (v: number) => number, y: (v: number) => number, step: boolean): string {
  if (points.length === 0) return '';
  const parts: string[] = [];
  points.forEach(([t, v], index) => {
    if (index === 0) parts.push(`M${x(t).toFixed(1)},${y(v).toFixed(1)}`);
    else if (step) parts.push(`H${x(t).toFixed(1)}V${y(v).toFixed(1)}`);
    else parts.push(`L${x(t).toFixed(1)},${y(v).toFixed(1)}`);
  });
  return parts.join('');
}

/** A series held at its last value up to `end` (and cut at `end`). */
export function untilEnd(points: readonly (readonly [number, number])[], end: number): (readonly [number, number])[] {
  const within = points.filter(([t]) => t <= end);
  const last = within.at(-1);
  return last && last[0] < end ? [...within, [end, last[1]] as const] : within;
}

/** Day ticks for an axis of `endMinutes`: at most about ten, on whole days. */
function dayTicks(endMinutes: number): number[] {
  const days = Math.max(1, Math.ceil(endMinutes / 1440));
  const step = Math.max(1, Math.ceil(days / 10));
  return Array.from({ length: Math.floor(days / step) + 1 }, (_, i) => i * step).filter((d) => d * 1440 <= endMinutes);
}

export function LineChart(props: {
  readonly title: string;
  readonly description: string;
  readonly series: readonly Series[];
  readonly endMinutes: number;
  readonly yMin?: number;
  readonly yMax: number;
  readonly yTicks: readonly { value: number; label: string }[];
  readonly yLabel: string;
  readonly step?: boolean;
}) {
  const yMin = props.yMin ?? 0;
  const x = (t: number) => PAD.left + (t / Math.max(1, props.endMinutes)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - yMin) / Math.max(1e-9, props.yMax - yMin)) * (H - PAD.top - PAD.bottom);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}. ${props.description}`} className="chart-svg">
        {props.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick.value)} y2={y(tick.value)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(tick.value) + 4} textAnchor="end" className="chart-tick">
              {tick.label}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="chart-axis" />
        {dayTicks(props.endMinutes).map((day) => (
          <text key={day} x={x(day * 1440)} y={H - PAD.bottom + 14} textAnchor="middle" className="chart-tick">
            {`Day ${day + 1}`}
          </text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" className="chart-tick">
          Scenario time
        </text>
        <text x={12} y={(PAD.top + H - PAD.bottom) / 2} textAnchor="middle" className="chart-tick" transform={`rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})`}>
          {props.yLabel}
        </text>
        {props.series.map((s) => (
          <path key={s.label} d={path(s.points, x, y, props.step ?? false)} className={`chart-line ${s.className}`} fill="none" />
        ))}
      </svg>
      <ul className="chart-legend">
        {props.series.map((s) => (
          <li key={s.label}>
            <span className={`legend-swatch ${s.className}`} aria-hidden="true" /> {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
