/**
 * Step charts drawn as inline SVG: severity over time (team vs reference)
 * and harm over time (team vs reference vs doing nothing). Each chart has a
 * text alternative summarising what it shows.
 */
type Series = { readonly label: string; readonly points: readonly (readonly [number, number])[]; readonly className: string };

const W = 640;
const H = 220;
const PAD = { left: 56, right: 16, top: 12, bottom: 28 };

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

export function LineChart(props: {
  readonly title: string;
  readonly description: string;
  readonly series: readonly Series[];
  readonly endMinutes: number;
  readonly yMax: number;
  readonly yTicks: readonly { value: number; label: string }[];
  readonly step?: boolean;
}) {
  const x = (t: number) => PAD.left + (t / Math.max(1, props.endMinutes)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / Math.max(1e-9, props.yMax)) * (H - PAD.top - PAD.bottom);
  const days = Math.ceil(props.endMinutes / 1440);
  const dayStep = Math.max(1, Math.ceil(days / 10));
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.title}. ${props.description}`} className="chart-svg">
        {props.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick.value)} y2={y(tick.value)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(tick.value) + 4} textAnchor="end" className="chart-tick">{tick.label}</text>
          </g>
        ))}
        {Array.from({ length: Math.floor(days / dayStep) + 1 }, (_, i) => i * dayStep).map((day) => (
          <text key={day} x={x(day * 1440)} y={H - 8} textAnchor="middle" className="chart-tick">
            d{day + 1}
          </text>
        ))}
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
