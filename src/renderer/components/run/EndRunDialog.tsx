/** Asks before ending the run; ending opens the debrief. */
import { Dialog } from '../Dialog';

export function EndRunDialog({ onCancel, onEnd }: { readonly onCancel: () => void; readonly onEnd: () => void }) {
  return (
    <Dialog
      title="End the run now?"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel}>Keep playing</button>
          <button type="button" className="primary" onClick={onEnd}>
            End and go to the debrief
          </button>
        </>
      }
    >
      <p>The clock stops and the debrief opens. Moves not yet made count as not made.</p>
    </Dialog>
  );
}
