/** The run screen's keyboard shortcuts, read from the registry, with a switch to turn single-key shortcuts off. */
import { RUN_ACTIONS } from '../../actions/run-actions';
import type { ActiveRun } from '../../store/run-slice';
import { Dialog } from '../Dialog';

export function ShortcutsDialog(props: { readonly run: ActiveRun; readonly enabled: boolean; readonly onEnabled: (on: boolean) => void; readonly onClose: () => void }) {
  const offered = RUN_ACTIONS.filter((a) => a.offered(props.run));
  return (
    <Dialog title="Keyboard shortcuts" onCancel={props.onClose} actions={<button type="button" className="primary" onClick={props.onClose}>Close</button>}>
      <div className="check-row">
        <input id="single-key-shortcuts" type="checkbox" checked={props.enabled} onChange={(e) => props.onEnabled(e.currentTarget.checked)} />
        <label htmlFor="single-key-shortcuts">Single-key shortcuts on (they never act while you type in a field)</label>
      </div>
      <table className="shortcuts-table">
        <caption className="visually-hidden">Shortcuts of the run screen</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {offered.map((action) => (
            <tr key={action.id}>
              <td>
                <kbd>{action.shortcut}</kbd>
              </td>
              <td>{action.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
