/**
 * The action context of a participant's own device: every act is submitted
 * in the participant's role (main checks it again), and the run-screen
 * actions that belong to the facilitator (clock, release, notes, presenter,
 * end) do nothing here — the participant view offers no controls for them.
 */
import type { Command, InjectId, RoleId } from '../../engine';
import type { ActiveRun } from '../store/run-slice';
import type { RunActionContext } from './run-actions';

const nothing = () => undefined;
const NO_HOLDS: ReadonlySet<InjectId> = new Set();

export function participantActions(run: ActiveRun, role: RoleId, submit: (command: Command, by?: RoleId) => Promise<boolean>): RunActionContext {
  return {
    run,
    by: role,
    submit: (command) => submit(command, role),
    holds: NO_HOLDS,
    ui: { focusPanel: nothing, confirmEnd: nothing, showShortcuts: nothing, openPresenter: nothing, toggleHold: nothing },
  };
}
