/**
 * Asks what to do with entries that are not saved — before the app quits,
 * its window closes, or the person leaves such a run: export them, try
 * saving again, or discard them. Escape and "Cancel" keep everything as it
 * is. Main's questions arrive as `unsavedPrompt` events.
 */
import { useEffect } from 'react';
import type { UnsavedRun } from '../../shared/runs';
import { subscribe } from '../api';
import type { UnsavedQuestion } from '../store/unsaved-slice';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

const DISCARD_LABELS = { quit: 'Discard them and quit', 'close-window': 'Discard them and close', leave: 'Discard them and leave' } as const;

export function UnsavedDialog() {
  const question = useStore((s) => s.unsavedQuestion);
  const askUnsaved = useStore((s) => s.askUnsaved);
  const answer = useStore((s) => s.answerUnsaved);
  useEffect(() => subscribe('unsavedPrompt', askUnsaved), [askUnsaved]);
  if (!question) return null;
  const { runs, note, purpose } = questionParts(question);
  // Retrying cannot help when a run's folder or log is gone: only an export keeps those entries.
  const canRetry = runs.some((run) => run.retrying);
  return (
    <Dialog
      title="Some entries are not saved"
      onCancel={() => void answer('cancel')}
      actions={
        <>
          <button type="button" className="primary" onClick={() => void answer('export')}>
            Export them…
          </button>
          {canRetry ? (
            <button type="button" onClick={() => void answer('retry')}>
              Try saving again
            </button>
          ) : null}
          <button type="button" className="danger" onClick={() => void answer('discard')}>
            {DISCARD_LABELS[purpose]}
          </button>
          <button type="button" onClick={() => void answer('cancel')}>
            Cancel
          </button>
        </>
      }
    >
      <p>These moves have not reached the run’s log on the disk, so they are held in memory only. Export them to another place (another disk, a USB stick) to keep them.</p>
      <ul>
        {runs.map((run) => (
          <li key={run.runId}>
            <strong>{run.title}</strong>: {run.unsaved} {run.unsaved === 1 ? 'entry is' : 'entries are'} not saved — {run.reason}.
          </li>
        ))}
      </ul>
      {note ? <p role="alert">{note}</p> : null}
    </Dialog>
  );
}

function questionParts(question: UnsavedQuestion): { runs: readonly UnsavedRun[]; note: string | undefined; purpose: keyof typeof DISCARD_LABELS } {
  if (question.kind === 'main') return { runs: question.prompt.runs, note: question.prompt.note, purpose: question.prompt.reason };
  return { runs: [question.run], note: question.note, purpose: 'leave' };
}
