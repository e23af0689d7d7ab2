/** The decision log: every accepted command in words, newest first (clock ticks left out). */
import type { ActiveRun } from '../../store/run-slice';
import { describeEntry } from '../../lib/describe-entry';
import { dayClock } from '../../lib/time';

export function DecisionLog({ run }: { readonly run: ActiveRun }) {
  const rows: Array<{ seq: number; at: number; text: string }> = [];
  run.entries.forEach((entry, index) => {
    const text = describeEntry(run.pack, entry);
    if (text) rows.push({ seq: entry.seq, at: run.entryTimes[index] ?? 0, text });
  });
  return (
    <section className="card decision-log" aria-labelledby="log-title" tabIndex={0}>
      <h2 id="log-title">Decision log</h2>
      <ol className="log-list" reversed>
        {rows.reverse().slice(0, 200).map((row) => (
          <li key={row.seq}>
            <time>{dayClock(run.pack.clock.start, row.at)}</time> {row.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
