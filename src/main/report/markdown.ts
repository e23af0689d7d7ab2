/**
 * The debrief as a readable Markdown report. Untrusted text is escaped so
 * that no raw HTML reaches a Markdown viewer.
 */
import { type Debrief, STAGES } from '../../engine';
import { actorName, at, linePoints, obligationOutcome, scenarioStart, span, STAGE_TITLES } from './report-text';
import { escapeMarkdownText as t, markdownCell as c } from './sanitize';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const tableOf = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** Renders the debrief as Markdown. */
export function toMarkdown(d: Debrief): string {
  const out: string[] = [];
  out.push(`# After-action report: ${t(d.pack.title)}`, '');
  out.push(`- **Scenario:** ${t(d.pack.id)} ${t(d.pack.version)}; AI system ${t(d.pack.systemName)}`);
  out.push(`- **Scenario start:** ${scenarioStart(d)}`);
  out.push(`- **Run:** ${t(d.run.runId)}${d.run.title ? ` — ${t(d.run.title)}` : ''} (${d.run.mode}); reached ${at(d, d.run.reachedAt)} of ${span(d.pack.clockEnd)}${d.run.ended ? '' : ' (not ended)'}`);
  out.push(`- **Participants:** ${t(d.run.participants.join(', ')) || '—'}`, '');
  out.push(`## Score: ${d.score.total} / 100`, '');
  if (d.run.partial) out.push(`> Partial run: ${t(d.run.partial)}`, '');
  for (const w of d.score.warnings) out.push(`> Note: ${t(w)}`, '');
  out.push(tableOf(['Stage', 'Score', 'Weight', 'Points'], STAGES.map((s) => {
    const st = d.score.stages[s];
    return [STAGE_TITLES[s], String(st.score), String(st.max), st.pointsMax > 0 ? `${st.points} of ${st.pointsMax}` : 'not applicable'];
  })), '');
  out.push('## What to take away', '');
  if (d.lessons.length === 0) out.push('Nothing was lost against the reference response.', '');
  d.lessons.forEach((l, i) => out.push(`${i + 1}. **${STAGE_TITLES[l.stage]}, −${l.lost}:** ${t(l.what)}${l.instead ? `  \n   ${t(l.instead)}` : ''}`));
  out.push('');
  if (d.decisions.length) {
    out.push('## Decisions', '');
    for (const x of d.decisions) {
      const chosen = x.team.status === 'answered'
        ? [...x.team.chosen.map((o) => `“${o.label}”${o.rationale ? ` — ${o.rationale}` : ''}`), ...(x.team.text ? [`“${x.team.text}”`] : [])].join('; ')
        : x.team.status === 'expired' ? `left to expire${x.team.expiryNote ? ` — ${x.team.expiryNote}` : ''}` : 'not asked in this run';
      const reference = x.best.length ? x.best.map((o) => `“${o.label}”${o.rationale ? ` — ${o.rationale}` : ''}`).join('; ') : x.reference?.text ? `“${x.reference.text}”` : '—';
      out.push(`- **${t(x.title)}** — the team: ${t(chosen)}. The reference: ${t(reference)}`);
    }
    out.push('');
  }
  out.push('## Every point explained', '');
  for (const s of STAGES) {
    const lines = d.score.stages[s].lines;
    if (!lines.length) continue;
    out.push(`### ${STAGE_TITLES[s]} — ${d.score.stages[s].score} of ${d.score.stages[s].max}`, '');
    out.push(tableOf(['Points', 'What happened', 'Reference'], lines.map((l) => [linePoints(l), c(l.reason), c(l.reference)])), '');
  }
  out.push('## Timeline: team and reference', '');
  out.push(tableOf(['Event', 'Team', 'Reference'], d.timeline.rows.map((r) => [
    c(r.label),
    r.team ? c(`${at(d, r.team.at)}${r.team.by ? ` · ${actorName(r.team.by)}` : ''}${r.team.flag ? ` (${r.team.flag})` : ''}${r.team.verdict ? ` — scored: ${r.team.verdict}` : ''}`) : '—',
    r.reference ? c(`${at(d, r.reference.at)}${r.reference.by ? ` · ${actorName(r.reference.by)}` : ''}`) : '—',
  ])), '');
  out.push('## Severity', '');
  out.push(`- Team: ${d.severity.team.filter((s) => s.level > 0).map((s) => `V${s.level} at ${at(d, s.at)}`).join(', ') || 'never classified'}`);
  out.push(`- Expected on the evidence the team received: ${d.severity.expected.map((s) => `V${s.accept.join('/V')} from ${at(d, s.at)}`).join(', ') || 'no signal reached the team'}`);
  out.push(`- Reference response: ${d.severity.reference.filter((s) => s.level > 0).map((s) => `V${s.level} at ${at(d, s.at)}`).join(', ') || 'never classified'}`, '');
  out.push('## Obligations', '');
  out.push(d.obligations.length
    ? tableOf(['Obligation', 'Team', 'Reference'], d.obligations.map((o) => [c(`${o.title} (${o.basis}; to ${o.recipient}; owner ${actorName(o.owner)})`), c(obligationOutcome(d, o.team)), c(obligationOutcome(d, o.reference))]))
    : 'The scenario has no regulatory obligation.', '');
  out.push(`**${t(d.gate.statement)}**`, '');
  for (const r of d.gate.restarts) out.push(`- Back in service at ${at(d, r.at)} through ${t(r.how)}: ${r.unmet.length ? `gate breached (unmet: ${t(r.unmet.join(', '))})` : 'all criteria met'}`);
  out.push('', '## TRACE review', '');
  for (const s of d.trace) {
    out.push(`### ${s.title} — ${s.question}`, '', '**From the run**', '');
    for (const f of s.facts) out.push(`- **${t(f.label)}:** ${t(f.text)}`);
    out.push('', '**Reference**', '');
    if (s.referenceText) out.push(t(s.referenceText), '');
    for (const i of s.referenceItems) out.push(`- ${i.chosen ? '☑' : '☐'} ${t(i.label)}${i.verdict === 'expected' || i.verdict === 'correct' ? ' (reference)' : i.verdict ? ' (not the reference)' : ''}${i.detail ? ` — ${t(i.detail)}` : ''}`);
    out.push('', '**The team’s reflection**', '', s.reflection ? t(s.reflection) : '_No reflection written._', '');
  }
  out.push('## Action items', '');
  out.push(d.actionItems.length ? tableOf(['Action', 'Owner', 'Due'], d.actionItems.map((a) => [c(a.text), actorName(a.owner), c(a.due)])) : '_No action item recorded._', '');
  if (d.questions.length) out.push('## Questions for the debrief', '', ...d.questions.map((q, i) => `${i + 1}. ${t(q)}`), '');
  if (d.notes.length) out.push('## Notes', '', ...d.notes.map((n) => `- ${at(d, n.at)} · ${actorName(n.by)}: ${t(n.text)}`), '');
  if (d.facilitatorNotes) out.push('## Facilitator notes (from the pack; not for participants)', '', t(d.facilitatorNotes), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
