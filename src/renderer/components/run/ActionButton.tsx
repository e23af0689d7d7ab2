/** A button for a registry action: its words, shortcut and enabled state come from the registry. */
import { runAction, type RunActionId } from '../../actions/run-actions';
import { useRunActions } from '../../actions/run-action-context';

export function ActionButton(props: {
  readonly action: RunActionId;
  readonly argument?: string;
  readonly className?: string;
  /** Words for this place when the registry's are too general (e.g. a row's "Release now"). */
  readonly label?: string;
  readonly ariaLabel?: string;
}) {
  const ctx = useRunActions();
  const action = runAction(props.action);
  if (!action.offered(ctx.run)) return null;
  return (
    <button
      type="button"
      className={props.className}
      disabled={!action.enabled(ctx)}
      aria-keyshortcuts={props.argument === undefined ? keyName(action.shortcut) : undefined}
      aria-label={props.ariaLabel}
      title={`${action.description}${props.argument === undefined ? ` (${action.shortcut})` : ''}`}
      onClick={() => void action.perform(ctx, props.argument)}
    >
      {props.label ?? action.label(ctx.run)}
    </button>
  );
}

/** The key's name as aria-keyshortcuts spells it. */
function keyName(shortcut: string): string {
  return shortcut === '−' ? 'Minus' : shortcut === '+' ? 'Shift+Equal' : shortcut === '?' ? 'Shift+?' : shortcut;
}
