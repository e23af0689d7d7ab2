/**
 * The report's charts as inline SVG, built as strings (no DOM, no script).
 * Team vs reference; lines also differ by dash pattern so they survive
 * black-and-white printing.
 */
import { formatSimTime, simMinutes, type Debrief, type SimMinutes } from '../../engine';
import { escapeHtml } from './sanitize';

const W = 720;
const H = 240;
const M = { left: 64, right: 16, top: 16, bottom: 44 } as const;
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

type Series = { readonly name: string; readonly points: readonly (readonly [number, number])[]; readonly style: string };

const STYLES = {
  team: 'stroke="#1f5fa8" stroke-width="2.5" fill="none"',
  reference: 'stroke="#2e7d32" stroke-width="2" stroke-dasharray="8 4" fill="none"',
  doNothing: 'stroke="#b3261e" stroke-width="1.5" stroke-dasharray="2 3" fill="none"',
} as const;

const f = (n: number) => (Math.round(n * 10) / 10).toString();

/** A tick step (minutes) giving at most 8 ticks over `end`. */
export function tickStep(end: number): number {
  const steps = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 4320, 10080, 20160, 43200];
  return steps.find((s) => end / s <= 8) ?? Math.ceil(end / 8);
}

function xAxis(clockStart: string, end: number, x: (t: number) => number): string {
  const step = tickStep(end);
  const ticks: string[] = [];
  for (let t = 0; t <= end; t += step) {
    // Keep the labels of the outer ticks inside the drawing.
    const anchor = x(t) > M.left + PLOT_W - 30 ? 'end' : 'middle';
    ticks.push(
      `<line x1="${f(x(t))}" y1="${M.top}" x2="${f(x(t))}" y2="${M.top + PLOT_H}" stroke="#ddd"/>` +
        `<text x="${f(x(t))}" y="${H - M.bottom + 16}" font-size="10" text-anchor="${anchor}">${escapeHtml(formatSimTime(clockStart, simMinutes(t)))}</text>`,
    );
  }
  return ticks.join('');
}

function legend(series: readonly Series[]): string {
  return series
    .map((s, i) => {
      const x = M.left + i * 180;
      const y = H - 8;
      return `<line x1="${x}" y1="${y - 4}" x2="${x + 28}" y2="${y - 4}" ${s.style}/><text x="${x + 34}" y="${y}" font-size="11">${escapeHtml(s.name)}</text>`;
    })
    .join('');
}

function frame(id: string, title: string, desc: string, body: string): string {
  return (
    `<svg class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" font-family="sans-serif">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>` +
    `<rect x="${M.left}" y="${M.top}" width="${PLOT_W}" height="${PLOT_H}" fill="#fff" stroke="#999"/>${body}</svg>`
  );
}

function stepPath(steps: readonly { at: number; level: number }[], end: number, x: (t: number) => number, y: (v: number) => number): string {
  if (steps.length === 0) return '';
  const first = steps[0]!;
  let d = `M${f(x(Math.min(first.at, end)))} ${f(y(first.level))}`;
  for (const step of steps.slice(1)) {
    if (step.at > end) break;
    d += ` H${f(x(step.at))} V${f(y(step.level))}`;
  }
  return `${d} H${f(x(end))}`;
}

/** V-SEV over time: the team's classification vs what the evidence it received called for. */
export function severityChart(debrief: Debrief): string {
  const end = Math.max(1, debrief.pack.clockEnd);
  const x = (t: number) => M.left + (PLOT_W * Math.min(t, end)) / end;
  const y = (level: number) => M.top + PLOT_H * (1 - level / 5);
  const grid = [1, 2, 3, 4, 5]
    .map((l) => `<line x1="${M.left}" y1="${f(y(l))}" x2="${M.left + PLOT_W}" y2="${f(y(l))}" stroke="#eee"/><text x="${M.left - 8}" y="${f(y(l) + 4)}" font-size="11" text-anchor="end">V${l}</text>`)
    .join('');
  const series: Series[] = [
    { name: 'Team', points: [], style: STYLES.team },
    { name: 'Expected on the evidence', points: [], style: STYLES.reference },
  ];
  const team = `<path d="${stepPath(debrief.severity.team, end, x, y)}" ${STYLES.team}/>`;
  const ref = `<path d="${stepPath(debrief.severity.expected, end, x, y)}" ${STYLES.reference}/>`;
  const describe = (steps: readonly { at: SimMinutes; level: number }[]) =>
    steps.filter((s) => s.level > 0).map((s) => `V${s.level} from ${formatSimTime(debrief.pack.clockStart, s.at)}`).join(', ') || 'never classified';
  const desc = `Team: ${describe(debrief.severity.team)}. Expected on the evidence: ${describe(debrief.severity.expected)}.`;
  return frame('severity-chart', 'Severity over time, team vs what the evidence called for', desc, grid + xAxis(debrief.pack.clockStart, end, x) + ref + team + legend(series));
}

/** Harm over time: the team vs the reference response vs doing nothing. */
export function harmChart(debrief: Debrief): string {
  const end = Math.max(1, debrief.pack.clockEnd);
  const series: Series[] = [
    { name: 'Team', points: debrief.harm.team, style: STYLES.team },
    { name: 'Reference response', points: debrief.harm.reference, style: STYLES.reference },
    { name: 'Doing nothing', points: debrief.harm.doNothing, style: STYLES.doNothing },
  ];
  // The axis spans the values actually reached: harm often starts high (people harmed before the exercise).
  const values = series.flatMap((s) => s.points.map((p) => p[1]));
  const bottom = values.length ? Math.min(...values) : 0;
  const top = Math.max(bottom + 1, ...values);
  const x = (t: number) => M.left + (PLOT_W * Math.min(t, end)) / end;
  const y = (v: number) => M.top + PLOT_H * (1 - (v - bottom) / (top - bottom));
  const grid = [bottom, (bottom + top) / 2, top]
    .map((v) => `<line x1="${M.left}" y1="${f(y(v))}" x2="${M.left + PLOT_W}" y2="${f(y(v))}" stroke="#eee"/><text x="${M.left - 8}" y="${f(y(v) + 4)}" font-size="11" text-anchor="end">${escapeHtml(f(v))}</text>`)
    .join('');
  const lines = series
    .filter((s) => s.points.length > 0)
    .map((s) => `<polyline points="${s.points.map(([t, v]) => `${f(x(t))},${f(y(v))}`).join(' ')}" ${s.style}/>`)
    .reverse()
    .join('');
  const last = (s: Series) => (s.points.length ? f(s.points[s.points.length - 1]![1]) : 'n/a');
  const desc = `${debrief.pack.harmLabel} at the end — team: ${last(series[0]!)}, reference response: ${last(series[1]!)}, doing nothing: ${last(series[2]!)}.`;
  return frame('harm-chart', `${debrief.pack.harmLabel} over time`, desc, grid + xAxis(debrief.pack.clockStart, end, x) + lines + legend(series));
}
