/** User notices: errors are announced assertively, others politely. */
import { useStore } from '../store/store';

export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  return (
    <div className="notices">
      <div role="alert" aria-live="assertive">
        {notices.filter((n) => n.kind === 'error').map((n) => (
          <div key={n.id} className="notice notice-error">
            <span>{n.text}</span>
            <button type="button" onClick={() => dismiss(n.id)} aria-label="Dismiss message">×</button>
          </div>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {notices.filter((n) => n.kind !== 'error').map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`}>
            <span>{n.text}</span>
            <button type="button" onClick={() => dismiss(n.id)} aria-label="Dismiss message">×</button>
          </div>
        ))}
      </div>
    </div>
  );
}
