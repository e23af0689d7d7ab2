/**
 * The sections of the HTML after-action report. Every piece of pack or
 * participant text goes through `escapeHtml` or `renderMarkdown`.
 */
import { type Debrief, STAGES, type TimelineEvent, type TraceSectionModel } from '../../engine';
import { actorName, at, linePoints, obligationOutcome, STAGE_TITLES } from './report-text';
import { escapeHtml as e, renderMarkdown } from './sanitize';
import { harmChart, severityChart } from './svg-charts';

const table = (head: readonly string[], rows: readonly string[], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;

/** Summary: total and the stage table. */
export function summarySection(d: Debrief): string {
  const rows = STAGES.map((s) => {
    const st = d.score.stages[s];
    const share = st.pointsMax > 0 ? `${st.points} of ${st.pointsMax} points` : 'not applicable';
    return `<tr><th scope="row">${STAGE_TITLES[s]}</th><td class="num">${st.score}</td><td class="num">${st.max}</td><td>${e(share)}</td></tr>`;
  });
  const notes = [...(d.run.partial ? [`Partial run: ${d.run.partial}`] : []), ...d.score.warnings];
  const warnings = notes.length
    ? `<div class="warning"><strong>Note:</strong><ul>${notes.map((w) => `<li>${e(w)}</li>`).join('')}</ul></div>`
    : '';
  return `<section id="summary"><h2>Score</h2><p class="total"><span class="big">${d.score.total}</span> / 100</p>${warnings}${table(['Stage', 'Score', 'Weight', 'Points'], rows)}</section>`;
}

/** What to take away: the three biggest losses, each with what the reference did instead and why. */
export function lessonsSection(d: Debrief): string {
  if (d.lessons.length === 0) return '<section id="lessons"><h2>What to take away</h2><p>Nothing was lost against the reference response.</p></section>';
  const items = d.lessons.map(
    (l) => `<li><p><strong>${e(STAGE_TITLES[l.stage])}, −${e(String(l.lost))}:</strong> ${e(l.what)}</p>${l.instead ? `<p class="detail">${e(l.instead)}</p>` : ''}</li>`,
  );
  return `<section id="lessons"><h2>What to take away</h2><ol>${items.join('')}</ol></section>`;
}

/** Each decision prompt: the team's answer with its rationale, the reference's, and the reference's draft. */
export function decisionsSection(d: Debrief): string {
  if (d.decisions.length === 0) return '';
  const option = (o: { label: string; rationale?: string }) => `<li>${e(o.label)}${o.rationale ? `<div class="detail">${e(o.rationale)}</div>` : ''}</li>`;
  const verdicts: Record<string, string> = { right: 'matches the reference', partly: 'partly matches the reference', wrong: 'differs from the reference', expired: 'left to expire', unscored: 'not scored', 'not-asked': 'not asked in this run' };
  const rows = d.decisions.map((x) => {
    const team = x.team.status === 'answered'
      ? `${x.team.chosen.length ? `<ul>${x.team.chosen.map(option).join('')}</ul>` : ''}${x.team.text ? `<div class="md">${renderMarkdown(x.team.text)}</div>` : ''}<div class="detail">${e(at(d, x.team.at))}${x.team.by ? ` · ${e(actorName(x.team.by))}` : ''}</div>`
      : `<p class="none">${e(verdicts[x.verdict] ?? x.verdict)}${x.team.expiryNote ? ` — ${e(x.team.expiryNote)}` : ''}</p>`;
    const reference = x.best.length
      ? `<ul>${x.best.map(option).join('')}</ul>`
      : x.reference?.text ? `<div class="md">${renderMarkdown(x.reference.text)}</div>` : '<p class="none">—</p>';
    return `<tr><td><strong>${e(x.title)}</strong><div class="flag">${e(verdicts[x.verdict] ?? '')}</div></td><td>${team}</td><td>${reference}</td></tr>`;
  });
  return `<section id="decisions"><h2>Decisions</h2>${table(['Prompt', 'The team', 'The reference'], rows, 'decisions')}</section>`;
}

/** Every score line, per stage. */
export function linesSection(d: Debrief): string {
  const parts = STAGES.map((s) => {
    const lines = d.score.stages[s].lines;
    if (lines.length === 0) return '';
    const rows = lines.map((l) => `<tr class="${l.kind}"><td>${e(l.reason)}<div class="ref">Reference: ${e(l.reference)}</div></td><td class="num">${e(linePoints(l))}</td></tr>`);
    return `<h3>${STAGE_TITLES[s]} — ${d.score.stages[s].score} of ${d.score.stages[s].max}</h3>${table(['What happened, and against which reference', 'Points'], rows, 'lines')}`;
  });
  return `<section id="lines"><h2>Every point explained</h2>${parts.join('')}</section>`;
}

/** The severity and harm charts. */
export function chartsSection(d: Debrief): string {
  return `<section id="charts"><h2>Severity and harm over time</h2><figure>${severityChart(d)}<figcaption>Severity (V-SEV) classified by the team vs the reference severity.</figcaption></figure><figure>${harmChart(d)}<figcaption>${e(d.pack.harmLabel)}: the team vs the reference response vs doing nothing.</figcaption></figure></section>`;
}

function eventCell(d: Debrief, ev: TimelineEvent | undefined): string {
  if (!ev) return '<td class="none">—</td>';
  const by = ev.by ? ` · ${e(actorName(ev.by))}` : '';
  const detail = ev.detail ? `<div class="detail">${e(ev.detail)}</div>` : '';
  const flag = ev.flag ? `<div class="flag">${e(ev.flag)}</div>` : '';
  const verdict = ev.verdict ? `<div class="detail">Scored: ${e(ev.verdict)}</div>` : '';
  return `<td><span class="time">${e(at(d, ev.at))}</span>${by}${detail}${flag}${verdict}</td>`;
}

/** The team's timeline beside the reference's. */
export function timelineSection(d: Debrief): string {
  const rows = d.timeline.rows.map((r) => `<tr><td>${e(r.label)}</td>${eventCell(d, r.team)}${eventCell(d, r.reference)}</tr>`);
  return `<section id="timeline"><h2>Timeline: team and reference</h2>${table(['Event', 'Team', 'Reference'], rows, 'timeline')}</section>`;
}

/** Each obligation's clock in both runs, and the recovery gate. */
export function obligationsSection(d: Debrief): string {
  const rows = d.obligations.map(
    (o) =>
      `<tr><td><strong>${e(o.title)}</strong><div class="detail">${e(o.basis)} · to ${e(o.recipient)} · owner ${e(actorName(o.owner))}</div></td><td>${e(obligationOutcome(d, o.team))}</td><td>${e(obligationOutcome(d, o.reference))}</td></tr>`,
  );
  const obligations = rows.length ? table(['Obligation', 'Team', 'Reference'], rows) : '<p>The scenario has no regulatory obligation.</p>';
  const restarts = d.gate.restarts.map(
    (r) => `<li>Back in service at ${e(at(d, r.at))} through ${e(r.how)}: ${r.unmet.length ? `<strong>gate breached</strong> — unmet: ${e(r.unmet.join(', '))}` : 'all criteria met'}</li>`,
  );
  const criteria = d.gate.criteria.map((c) => `<li>${e(c.label)}</li>`).join('');
  const gate = `<p><strong>${e(d.gate.statement)}</strong></p><p>Criteria:</p><ul>${criteria}</ul>${restarts.length ? `<p>Returns to service:</p><ul>${restarts.join('')}</ul>` : ''}`;
  return `<section id="obligations"><h2>Obligations</h2>${obligations}<h3>Recovery</h3>${gate}</section>`;
}

function traceBlock(s: TraceSectionModel): string {
  const facts = s.facts.map((f) => `<li><strong>${e(f.label)}:</strong> ${e(f.text)}</li>`).join('');
  const verdict = (v: string | undefined) => (v === 'expected' || v === 'correct' ? ' (reference)' : v === 'incorrect' || v === 'not-expected' ? ' (not the reference)' : '');
  const items = s.referenceItems
    .map((i) => `<li>${i.chosen ? '☑' : '☐'} ${e(i.label)}${e(verdict(i.verdict))}${i.detail ? `<div class="md">${renderMarkdown(i.detail)}</div>` : ''}</li>`)
    .join('');
  const reference = `${s.referenceText ? `<div class="md">${renderMarkdown(s.referenceText)}</div>` : ''}${items ? `<ul class="items">${items}</ul>` : ''}`;
  const reflection = s.reflection ? `<div class="md">${renderMarkdown(s.reflection)}</div>` : '<p class="none">No reflection written.</p>';
  return `<article class="trace"><h3>${e(s.title)} — ${e(s.question)}</h3><h4>From the run</h4><ul>${facts}</ul><h4>Reference</h4>${reference || '<p class="none">—</p>'}<h4>The team’s reflection</h4>${reflection}</article>`;
}

/** The five TRACE sections, action items and questions. */
export function traceSection(d: Debrief): string {
  const actions = d.actionItems.map((a) => `<tr><td>${e(a.text)}</td><td>${e(actorName(a.owner))}</td><td>${e(a.due)}</td></tr>`);
  const questions = d.questions.length ? `<h3>Questions for the debrief</h3><ol>${d.questions.map((q) => `<li>${e(q)}</li>`).join('')}</ol>` : '';
  return (
    `<section id="trace"><h2>TRACE review</h2>${d.trace.map(traceBlock).join('')}` +
    `<h3>Action items</h3>${actions.length ? table(['Action', 'Owner', 'Due'], actions) : '<p class="none">No action item recorded.</p>'}${questions}</section>`
  );
}

/** Notes taken during the run and (flagged) facilitator notes. */
export function notesSection(d: Debrief): string {
  const notes = d.notes.map((n) => `<li><span class="time">${e(at(d, n.at))}</span> · ${e(actorName(n.by))}: ${e(n.text)}</li>`).join('');
  const facilitator = d.facilitatorNotes
    ? `<aside class="facilitator"><h3>Facilitator notes (from the pack; not for participants)</h3><div class="md">${renderMarkdown(d.facilitatorNotes)}</div></aside>`
    : '';
  if (!notes && !facilitator) return '';
  return `<section id="notes"><h2>Notes</h2>${notes ? `<ul>${notes}</ul>` : ''}${facilitator}</section>`;
}
