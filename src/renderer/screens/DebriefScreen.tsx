/**
 * The TRACE debrief: score with every point explained, the team's timeline
 * beside the reference, severity and harm against the reference, obligations,
 * the recovery gate, the five TRACE sections and action items; exportable.
 */
import { useMemo } from 'react';
import { buildDebrief, type Debrief } from '../../engine';
import type { ReportFormat } from '../../shared/ipc';
import { call } from '../api';
import { LineChart } from '../components/debrief/Charts';
import { ActionItems } from '../components/debrief/ActionItems';
import { PartialRunNotice } from '../components/PartialRunNotice';
import { ScoreSummary } from '../components/debrief/ScoreSummary';
import { TraceSection } from '../components/debrief/TraceSection';
import { actorLabel, severityLabel } from '../lib/labels';
import { count, dayClock, duration } from '../lib/time';
import { errorText } from '../store/errors';
import type { ActiveRun } from '../store/run-slice';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';
import { useRun } from '../useRun';

const EXPORTS: ReadonlyArray<{ format: ReportFormat; label: string }> = [
  { format: 'html', label: 'Report (HTML)' },
  { format: 'pdf', label: 'Report (PDF)' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'Data (JSON)' },
];

export function DebriefScreen({ runId }: { readonly runId: string }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { run } = useRun(runId);
  const debrief = useMemo(() => (run ? buildDebrief(run.pack, run.header, run.entries, { includeFacilitatorNotes: run.header.mode === 'facilitated' }) : undefined), [run]);
  if (!run || !debrief) return <p aria-busy="true">Opening the debrief…</p>;
  return (
    <section aria-labelledby="debrief-title" className="screen debrief">
      <div className="screen-head">
        <div>
          <h1 id="debrief-title" ref={heading} tabIndex={-1}>TRACE debrief: {run.pack.title}</h1>
          <p className="lede">
            {run.header.title ? `${run.header.title} · ` : ''}
            {run.header.mode === 'facilitated' ? 'Facilitated tabletop' : 'Solo practice'} · {run.header.participants.join(', ') || 'no names'}
          </p>
        </div>
        <ExportButtons runId={runId} />
      </div>
      <PartialRunNotice damage={run.damage} />
      <ScoreSummary score={debrief.score} />
      <Charts debrief={debrief} />
      <Timeline debrief={debrief} run={run} />
      <ObligationsTable debrief={debrief} run={run} />
      <Gate debrief={debrief} run={run} />
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

function ExportButtons({ runId }: { readonly runId: string }) {
  const notify = useStore((s) => s.notify);
  const save = async (format: ReportFormat) => {
    try {
      const path = await call('exportReport', runId, format);
      if (path) notify('info', `Saved ${path}`);
    } catch (error) {
      notify('error', `The report could not be saved: ${errorText(error)}`);
    }
  };
  return (
    <div className="toolbar" role="group" aria-label="Export the report">
      {EXPORTS.map((e) => (
        <button key={e.format} type="button" onClick={() => void save(e.format)}>
          Export {e.label}
        </button>
      ))}
    </div>
  );
}

function Charts({ debrief }: { readonly debrief: Debrief }) {
  const end = debrief.run.reachedAt || debrief.pack.clockEnd;
  const toPoints = (steps: readonly { at: number; level: number }[]) => steps.map((s) => [s.at, s.level] as const);
  const harmMax = Math.max(1, ...[...debrief.harm.team, ...debrief.harm.reference, ...debrief.harm.doNothing].filter(([t]) => t <= end).map(([, v]) => v));
  const last = (series: readonly (readonly [number, number])[]) => series.filter(([t]) => t <= end).at(-1)?.[1] ?? 0;
  return (
    <section className="card charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Severity and harm against the reference</h2>
      <div className="chart-row">
        <LineChart
          title="Severity over time"
          description={`Your classifications: ${debrief.severity.team.map((s) => `V${s.level} at ${duration(s.at)}`).join(', ') || 'none'}. Reference: ${debrief.severity.reference.map((s) => `V${s.level} from ${duration(s.at)}`).join(', ')}.`}
          endMinutes={end}
          yMax={5}
          yTicks={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: `V${v}` }))}
          step
          series={[
            { label: 'Your team', points: toPoints(debrief.severity.team), className: 'series-team' },
            { label: 'Reference', points: toPoints(debrief.severity.reference), className: 'series-reference' },
          ]}
        />
        <LineChart
          title={debrief.pack.harmLabel}
          description={`By the end: your team ${count(last(debrief.harm.team))}, the reference response ${count(last(debrief.harm.reference))}, doing nothing ${count(last(debrief.harm.doNothing))}.`}
          endMinutes={end}
          yMax={harmMax}
          yTicks={[0, harmMax / 2, harmMax].map((v) => ({ value: v, label: count(v) }))}
          series={[
            { label: 'Your team', points: debrief.harm.team, className: 'series-team' },
            { label: 'Reference response', points: debrief.harm.reference, className: 'series-reference' },
            { label: 'Doing nothing', points: debrief.harm.doNothing, className: 'series-nothing' },
          ]}
        />
      </div>
    </section>
  );
}

function Timeline({ debrief, run }: { readonly debrief: Debrief; readonly run: ActiveRun }) {
  const at = (minutes: number | undefined) => (minutes === undefined ? '—' : dayClock(run.pack.clock.start, minutes));
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Your timeline beside the reference</h2>
      <div className="table-scroll">
        <table className="timeline-table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Your team</th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {debrief.timeline.rows.map((row) => (
              <tr key={row.key} className={row.team?.flag ? 'row-flag' : undefined}>
                <th scope="row">{row.label}</th>
                <td>
                  {at(row.team?.at)}
                  {row.team?.by ? ` · ${actorLabel(row.team.by)}` : ''}
                  {row.team?.flag ? <span className="tag tag-warn">{row.team.flag}</span> : null}
                </td>
                <td>{at(row.reference?.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ObligationsTable({ debrief, run }: { readonly debrief: Debrief; readonly run: ActiveRun }) {
  if (debrief.obligations.length === 0) return null;
  const at = (m: number | undefined) => (m === undefined ? '—' : dayClock(run.pack.clock.start, m));
  return (
    <section className="card" aria-labelledby="obl-title">
      <h2 id="obl-title">Obligations and deadlines</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Obligation</th>
              <th scope="col">Started</th>
              <th scope="col">Due</th>
              <th scope="col">Met</th>
              <th scope="col">Status</th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {debrief.obligations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.title}
                  <span className="hint"> ({o.basis}; to {o.recipient}; owner {actorLabel(o.owner)})</span>
                </th>
                <td>{at(o.team?.triggeredAt)}</td>
                <td>{at(o.team?.dueAt)}</td>
                <td>
                  {at(o.team?.metAt)}
                  {o.team?.metBy ? ` · ${actorLabel(o.team.metBy)}` : ''}
                </td>
                <td>{o.team ? o.team.status.replace('-', ' ') : 'not triggered'}</td>
                <td>{o.reference ? `${o.reference.status.replace('-', ' ')} ${at(o.reference.metAt)}` : 'not triggered'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Gate({ debrief, run }: { readonly debrief: Debrief; readonly run: ActiveRun }) {
  return (
    <section className="card" aria-labelledby="gate-title">
      <h2 id="gate-title">Recovery gate: {debrief.gate.respected ? 'respected' : 'breached'}</h2>
      <p>{debrief.gate.statement}</p>
      <p className="hint">A restart is legitimate only when every criterion holds: {debrief.gate.criteria.map((c) => c.label).join('; ')}.</p>
      <ul>
        {debrief.gate.restarts.map((restart, i) => (
          <li key={i}>
            Back in service at {dayClock(run.pack.clock.start, restart.at)} through {restart.how}
            {restart.unmet.length ? ` — unmet: ${restart.unmet.join('; ')}` : ' — all criteria held'}
          </li>
        ))}
      </ul>
      <p className="hint">Severity you ended on: {severityLabel(run.state.severity.at(-1)?.level ?? 0)}.</p>
    </section>
  );
}
