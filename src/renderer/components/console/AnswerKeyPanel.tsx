/**
 * The answer key as a live checklist (facilitator console only; the
 * presenter never shows it): each expected act and obligation ticked,
 * pending with its time left, or missed, from the run's facts.
 */
import { assertNever } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { answerKey, type KeyItem, type KeySection, type KeyStatus } from '../../lib/answer-key';
import { countdown } from '../../lib/time';

const SECTIONS: ReadonlyArray<{ readonly id: KeySection; readonly title: string }> = [
  { id: 'classification', title: 'Classification' },
  { id: 'required', title: 'Expected acts' },
  { id: 'forbidden', title: 'Harmful moves' },
  { id: 'obligation', title: 'Obligations' },
  { id: 'recovery', title: 'Recovery' },
];

function statusText(status: KeyStatus): { readonly mark: string; readonly word: string } {
  switch (status) {
    case 'done':
      return { mark: '✓', word: 'Done' };
    case 'late':
      return { mark: '≈', word: 'Late or different' };
    case 'pending':
      return { mark: '…', word: 'Pending' };
    case 'missed':
      return { mark: '✗', word: 'Missed' };
    case 'not-yet':
      return { mark: '·', word: 'Not yet' };
    default:
      return assertNever(status);
  }
}

export function AnswerKeyPanel() {
  const { run } = useRunActions();
  const items = answerKey(run.pack, run.state);
  const tally = (status: KeyStatus) => items.filter((i) => i.status === status).length;
  const next = items.filter((i) => i.status === 'pending' && i.left !== undefined).sort((a, b) => a.left! - b.left!)[0];
  return (
    <div className="answer-key">
      <p className="key-summary">
        {tally('done')} done · {tally('pending')} pending · {tally('missed')} missed · {tally('late')} late or different
        {next ? (
          <>
            <br />
            Next due: <strong>{next.label}</strong>, {countdown(run.state, next.left!)}
          </>
        ) : null}
      </p>
      {SECTIONS.map((section) => {
        const list = items.filter((i) => i.section === section.id);
        if (list.length === 0) return null;
        return (
          <section key={section.id} aria-labelledby={`key-${section.id}`}>
            <h3 id={`key-${section.id}`}>{section.title}</h3>
            <ul className="key-list">
              {list.map((item) => (
                <KeyRow key={item.key} item={item} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function KeyRow({ item }: { readonly item: KeyItem }) {
  const { run } = useRunActions();
  const { mark, word } = statusText(item.status);
  return (
    <li className={`key-item key-${item.status}`}>
      <span className="key-mark" aria-hidden="true">{mark}</span>
      <div>
        <p className="key-label">
          <span className="visually-hidden">{word}: </span>
          {item.label}
          {item.status === 'pending' && item.left !== undefined ? <span className="key-left"> · {countdown(run.state, item.left)}</span> : null}
        </p>
        <p className="hint">
          {item.detail}
          {item.reason ? ` Why: ${item.reason}` : ''}
        </p>
      </div>
    </li>
  );
}
