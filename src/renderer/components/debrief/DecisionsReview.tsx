/**
 * Each decision prompt as the team met it: what it chose (with the pack's
 * rationale for that option), the best answers with theirs, and for written
 * prompts the reference's draft beside the team's text.
 */
import { assertNever, formatSimTime, type Debrief, type SimMinutes } from '../../../engine';
import { actorLabel } from '../../lib/labels';
import { Markdown } from '../Markdown';

type View = Debrief['decisions'][number];

function verdictText(verdict: View['verdict']): string {
  switch (verdict) {
    case 'right':
      return 'as the reference';
    case 'partly':
      return 'partly as the reference';
    case 'wrong':
      return 'not the reference’s answer';
    case 'expired':
      return 'no answer in time';
    case 'unscored':
      return 'not scored';
    case 'not-asked':
      return 'not asked in this run';
    default:
      return assertNever(verdict);
  }
}

function Options({ options }: { readonly options: View['best'] }) {
  return (
    <ul className="option-list">
      {options.map((o) => (
        <li key={o.id}>
          <strong>{o.label}</strong>
          {o.rationale ? <span className="option-why"> — {o.rationale}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function DecisionsReview({ debrief }: { readonly debrief: Debrief }) {
  const asked = debrief.decisions.filter((d) => d.team.status !== 'not-asked');
  if (asked.length === 0) return null;
  const t = (m: SimMinutes) => formatSimTime(debrief.pack.clockStart, m);
  return (
    <section className="card decisions-review" aria-labelledby="decisions-review-title">
      <h2 id="decisions-review-title">Your decisions beside the reference</h2>
      <ol className="decision-review-list">
        {asked.map((d) => (
          <li key={d.id} className={`decision-review verdict-${d.verdict}`}>
            <h3>
              {d.title} <span className="tag">{verdictText(d.verdict)}</span>
            </h3>
            <div className="decision-columns">
              <div>
                <h4>Your team{d.team.at !== undefined ? ` · ${t(d.team.at)}` : ''}{d.team.by ? ` · ${actorLabel(d.team.by)}` : ''}</h4>
                {d.team.status === 'expired' ? <p>No decision in time.{d.team.expiryNote ? ` ${d.team.expiryNote}` : ''}</p> : null}
                {d.team.chosen.length > 0 ? <Options options={d.team.chosen} /> : null}
                {d.team.text ? <blockquote className="team-text">{d.team.text}</blockquote> : null}
              </div>
              <div>
                <h4>The reference{d.reference ? ` · ${t(d.reference.at)}` : ''}</h4>
                {d.best.length > 0 ? <Options options={d.best} /> : d.reference && d.reference.chosen.length > 0 ? <Options options={d.reference.chosen} /> : null}
                {d.reference?.text ? (
                  <div className="reference-draft">
                    <Markdown source={d.reference.text} />
                  </div>
                ) : null}
                {d.best.length === 0 && !d.reference ? <p className="hint">The pack gives no reference answer for this prompt.</p> : null}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
