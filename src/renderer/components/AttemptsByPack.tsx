/**
 * Progress over attempts: for each pack with two or more ended runs, every
 * attempt with its date and score, and a side-by-side comparison of the
 * attempts chosen (the two latest by default).
 */
import type { PackId } from '../../engine';
import type { RunId } from '../../engine';
import { useState } from 'react';
import type { RunSummary } from '../../shared/runs';
import { AttemptsComparison } from './history/AttemptsComparison';
import { useAttemptDebriefs } from './history/useAttemptDebriefs';

type Ended = Extract<RunSummary, { ok: true }> & { score: NonNullable<Extract<RunSummary, { ok: true }>['score']> };
type Group = { packId: PackId; title: string; attempts: Ended[] };

/** Ended, scored runs grouped by pack, oldest first; only packs tried at least twice. */
export function attemptsByPack(runs: readonly RunSummary[]): Group[] {
  const groups = new Map<PackId, Ended[]>();
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

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function AttemptsByPack({ runs }: { readonly runs: readonly RunSummary[] }) {
  const groups = attemptsByPack(runs);
  if (groups.length === 0) return null;
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress over attempts</h2>
      {groups.map((group) => (
        <PackAttempts key={group.packId} group={group} live={new Set(runs.filter((r) => r.ok && r.live).map((r) => r.runId))} />
      ))}
    </section>
  );
}

function PackAttempts({ group, live }: { readonly group: Group; readonly live: ReadonlySet<RunId> }) {
  const [chosen, setChosen] = useState<readonly RunId[]>(() => group.attempts.slice(-2).map((a) => a.runId));
  const [comparing, setComparing] = useState<readonly RunId[]>();
  const first = group.attempts[0]!.score.total;
  const change = group.attempts.at(-1)!.score.total - first;
  const label = (runId: RunId) => `Attempt ${group.attempts.findIndex((a) => a.runId === runId) + 1}`;
  const toggle = (runId: RunId, on: boolean) => setChosen((c) => group.attempts.map((a) => a.runId).filter((id) => (id === runId ? on : c.includes(id))));
  return (
    <figure className="progress">
      <figcaption>
        {group.title}: {group.attempts.length} attempts, {change >= 0 ? '+' : '−'}
        {Math.abs(change).toFixed(1)} points from the first to the latest
      </figcaption>
      <Sparkline values={group.attempts.map((a) => a.score.total)} label={`Scores of ${group.title}, oldest first`} />
      <fieldset className="attempt-choice">
        <legend>Choose attempts to compare</legend>
        <ol className="attempt-list">
          {group.attempts.map((attempt, index) => (
            <li key={attempt.runId} className="check-row">
              <input id={`cmp-${attempt.runId}`} type="checkbox" checked={chosen.includes(attempt.runId)} onChange={(e) => toggle(attempt.runId, e.currentTarget.checked)} />
              <label htmlFor={`cmp-${attempt.runId}`}>
                Attempt {index + 1} · {when(attempt.createdAt)} · <strong>{attempt.score.total.toFixed(1)}</strong> · {attempt.mode === 'facilitated' ? 'facilitated' : 'solo'}
                {attempt.title ? ` · ${attempt.title}` : ''}
              </label>
            </li>
          ))}
        </ol>
        <button type="button" className="primary" disabled={chosen.length < 2} onClick={() => setComparing(chosen)}>
          Compare {chosen.length} attempts
        </button>
      </fieldset>
      {comparing ? <Comparison runIds={comparing} labels={comparing.map(label)} live={live} /> : null}
    </figure>
  );
}

function Comparison({ runIds, labels, live }: { readonly runIds: readonly RunId[]; readonly labels: readonly string[]; readonly live: ReadonlySet<RunId> }) {
  const loaded = useAttemptDebriefs(runIds, live);
  if (!loaded) return <p aria-busy="true">Comparing…</p>;
  if ('error' in loaded) return <p role="alert">The attempts could not be compared: {loaded.error}</p>;
  return <AttemptsComparison pack={loaded.pack} debriefs={loaded.debriefs} labels={labels} />;
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
