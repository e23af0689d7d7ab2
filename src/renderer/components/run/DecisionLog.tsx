/**
 * The decision log: every accepted command in words, oldest first (clock
 * ticks left out); it scrolls to the latest as entries arrive, so an
 * arrival moves nothing on screen.
 */
import { useLayoutEffect, useRef } from 'react';
import { formatSimTime, type SimMinutes, START } from '../../../engine';
import type { ActiveRun } from '../../store/run-slice';
import { describeEntry } from '../../lib/describe-entry';

/** The log rows shown (the latest 300). */
const SHOWN = 300;

export function DecisionLog({ run }: { readonly run: ActiveRun }) {
  const rows: Array<{ seq: number; at: SimMinutes; text: string }> = [];
  run.entries.forEach((entry, index) => {
    const text = describeEntry(run.pack, entry);
    if (text) rows.push({ seq: entry.seq, at: run.entryTimes[index] ?? START, text });
  });
  const box = useRef<HTMLDivElement>(null);
  const atLatest = useRef(true);
  useLayoutEffect(() => {
    if (box.current && atLatest.current) box.current.scrollTop = box.current.scrollHeight;
  }, [rows.length]);
  return (
    <section className="panel decision-log" aria-labelledby="log-title">
      <h2 id="log-title">Decision log</h2>
      <div
        ref={box}
        className="panel-body"
        tabIndex={0}
        aria-label="Decision log, oldest first"
        onScroll={(e) => {
          const el = e.currentTarget;
          atLatest.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {rows.length === 0 ? <p className="hint">Every decision, move and classification is recorded here with its scenario time.</p> : null}
        <ol className="log-list">
          {rows.slice(-SHOWN).map((row) => (
            <li key={row.seq}>
              <time>{formatSimTime(run.pack.clock.start, row.at)}</time> {row.text}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
