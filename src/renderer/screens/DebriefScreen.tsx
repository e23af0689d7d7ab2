/**
 * The TRACE debrief, leading with the lesson: the run's biggest losses with
 * what the reference did instead and why; then the score by stage (every
 * line one click away), the decisions beside the reference's answers, what
 * cost points outright, the timeline with verdicts, severity and harm, the
 * obligations, the recovery gate, the five TRACE sections and action items.
 */
import type { RunId } from '../../engine';
import { useMemo, useState } from 'react';
import { buildDebrief, type Stage } from '../../engine';
import { PartialRunNotice } from '../components/PartialRunNotice';
import { ActionItems } from '../components/debrief/ActionItems';
import { DebriefCharts } from '../components/debrief/DebriefCharts';
import { DebriefTimeline } from '../components/debrief/DebriefTimeline';
import { DecisionsReview } from '../components/debrief/DecisionsReview';
import { ExportButtons } from '../components/debrief/ExportButtons';
import { GateSection } from '../components/debrief/GateSection';
import { HarmfulActs } from '../components/debrief/HarmfulActs';
import { Lessons } from '../components/debrief/Lessons';
import { ObligationsTable } from '../components/debrief/ObligationsTable';
import { ScoreSummary } from '../components/debrief/ScoreSummary';
import { TraceSection } from '../components/debrief/TraceSection';
import { useFocusHeading } from '../useFocusHeading';
import { useRun } from '../useRun';

export function DebriefScreen({ runId }: { readonly runId: RunId }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { run } = useRun(runId);
  const debrief = useMemo(() => (run ? buildDebrief(run.pack, run.header, run.entries, { includeFacilitatorNotes: run.header.mode === 'facilitated' }) : undefined), [run]);
  const [openStages, setOpenStages] = useState<ReadonlySet<Stage>>(new Set());
  if (!run || !debrief) return <p aria-busy="true">Opening the debrief…</p>;
  const explain = (stage: Stage) => {
    setOpenStages((s) => new Set([...s, stage]));
    // After the details have opened.
    setTimeout(() => {
      // Focusing the stage's summary also scrolls it into view.
      document.querySelector<HTMLElement>(`#lines-${stage} > summary`)?.focus();
    }, 0);
  };
  return (
    <section aria-labelledby="debrief-title" className="screen debrief">
      <div className="screen-head">
        <div>
          <h1 id="debrief-title" ref={heading} tabIndex={-1}>
            TRACE debrief: {run.pack.title}
          </h1>
          <p className="lede">
            {run.header.title ? `${run.header.title} · ` : ''}
            {run.header.mode === 'facilitated' ? 'Facilitated tabletop' : run.header.coached ? 'Coached solo practice' : 'Solo practice'} · {run.header.participants.join(', ') || 'no names'}
          </p>
        </div>
        <ExportButtons runId={runId} />
      </div>
      <PartialRunNotice damage={run.damage} />
      <Lessons debrief={debrief} onExplain={explain} />
      <ScoreSummary score={debrief.score} open={openStages} onToggle={(stage, open) => setOpenStages((s) => (open ? new Set([...s, stage]) : new Set([...s].filter((x) => x !== stage))))} />
      <DecisionsReview debrief={debrief} />
      <HarmfulActs debrief={debrief} />
      <DebriefTimeline debrief={debrief} />
      <DebriefCharts debrief={debrief} />
      <ObligationsTable debrief={debrief} />
      <GateSection debrief={debrief} />
      <section aria-labelledby="trace-title" className="trace">
        <h2 id="trace-title">TRACE review</h2>
        {debrief.trace.map((section) => (
          <TraceSection key={section.section} run={run} model={section} />
        ))}
        <ActionItems run={run} />
      </section>
      {debrief.questions.length > 0 ? (
        <section className="card" aria-labelledby="questions-title">
          <h2 id="questions-title">Discussion questions</h2>
          <ol>
            {debrief.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
