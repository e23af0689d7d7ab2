/**
 * Progress over attempts: for each pack with two or more ended runs, the
 * total score of every attempt in order, with the change from the first.
 */
import type { RunSummary } from '../../shared/runs';

type Ended = Extract<RunSummary, { ok: true }> & { score: NonNullable<Extract<RunSummary, { ok: true }>['score']> };

/** Ended, scored runs grouped by pack, oldest first; only packs tried at least twice. */
export function attemptsByPack(runs: readonly RunSummary[]): Array<{ packId: string; title: string; attempts: Ended[] }> {
  const groups = new Map<string, Ended[]>();
  for (const run of runs) {
    if (!run.ok || run.status !== 'ended' || !run.score) continue;
    const list = groups.get(run.packId) ?? [];
    list.push(run as Ended);
    groups.set(run.packId, list);
  }
  return [...groups.entries()]
    .filter(([, attempts]) => attempts.length >= 2)
    .map(([packId, attempts]) => {
      const sorted = [...attempts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { packId, title: sorted.at(-1)!.packTitle, attempts: sorted };
    });
}

export function AttemptsByPack({ runs }: { readonly runs: readonly RunSummary[] }) {
  const groups = attemptsByPack(runs);
  if (groups.length === 0) return null;
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress over attempts</h2>
      {groups.map((group) => {
        const first = group.attempts[0]!.score.total;
        const last = group.attempts.at(-1)!.score.total;
        const change = last - first;
        return (
          <figure key={group.packId} className="progress">
            <figcaption>
              {group.title}: {group.attempts.length} attempts, {change >= 0 ? '+' : ''}
              {change.toFixed(1)} points from the first to the latest
            </figcaption>
            <Sparkline values={group.attempts.map((a) => a.score.total)} label={`Scores of ${group.title}, oldest first`} />
            <ol className="attempt-list">
              {group.attempts.map((attempt) => (
                <li key={attempt.runId}>
                  {new Date(attempt.createdAt).toLocaleDateString('en-GB')}: <strong>{attempt.score.total.toFixed(1)}</strong>
                  {attempt.title ? <span className="hint"> ({attempt.title})</span> : null}
                </li>
              ))}
            </ol>
          </figure>
        );
      })}
    </section>
  );
}

function Sparkline({ values, label }: { readonly values: readonly number[]; readonly label: string }) {
  const width = 240;
  const height = 60;
  const x = (i: number) => 8 + (i / Math.max(1, values.length - 1)) * (width - 16);
  const y = (v: number) => height - 6 - (v / 100) * (height - 12);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`${label}: ${values.map((v) => v.toFixed(1)).join(', ')}`} className="sparkline">
      <line x1="8" x2={width - 8} y1={y(100)} y2={y(100)} className="chart-grid" />
      <line x1="8" x2={width - 8} y1={y(0)} y2={y(0)} className="chart-grid" />
      <polyline points={points} fill="none" className="chart-line series-team" />
      {values.map((v, i) => (
        <circle key={i} cx={x(i)} cy={y(v)} r="3" className="spark-dot" />
      ))}
    </svg>
  );
}
