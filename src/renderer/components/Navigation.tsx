/**
 * The main navigation: one button per top-level screen. On the run screen it
 * folds into a narrow rail (icons with their names for assistive technology
 * and on hover), so the run gets the width.
 */
import type { Route } from '../store/navigation-slice';
import { useStore } from '../store/store';

const ITEMS: ReadonlyArray<{ readonly screen: 'library' | 'history' | 'settings'; readonly label: string; readonly icon: string }> = [
  { screen: 'library', label: 'Library', icon: 'M4 4h5v16H4zM10 4h4v16h-4zM15.5 5.2l3.9-1 3.6 15.6-3.9.9z' },
  { screen: 'history', label: 'History', icon: 'M12 3a9 9 0 1 1-9 9h2a7 7 0 1 0 2.05-4.95L9 9H3V3l2.64 2.64A8.97 8.97 0 0 1 12 3zm-1 4h2v5l4 2.4-1 1.7-5-3z' },
  { screen: 'settings', label: 'Settings', icon: 'M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm8.6 5.3 1.9 1.5-2 3.4-2.3-.8a8 8 0 0 1-1.9 1.1L16 21h-4l-.4-2.5a8 8 0 0 1-1.9-1.1l-2.3.8-2-3.4 1.9-1.5a8 8 0 0 1 0-2.6L5.4 9.2l2-3.4 2.3.8a8 8 0 0 1 1.9-1.1L12 3h4l.4 2.5a8 8 0 0 1 1.9 1.1l2.3-.8 2 3.4-1.9 1.5a8 8 0 0 1 0 2.6z' },
];

export function Navigation({ compact }: { readonly compact: boolean }) {
  const current = useStore((s) => s.route.screen);
  const navigate = useStore((s) => s.navigate);
  const info = useStore((s) => s.info);
  return (
    <nav className={compact ? 'app-nav app-nav-compact' : 'app-nav'} aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">V</span>
        {compact ? null : <span className="brand-name">V-AIM Command Trainer</span>}
      </div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === item.screen ? 'page' : undefined}
              title={compact ? item.label : undefined}
              onClick={() => navigate({ screen: item.screen } as Route)}
            >
              {compact ? (
                <>
                  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                    <path d={item.icon} fill="currentColor" />
                  </svg>
                  <span className="visually-hidden">{item.label}</span>
                </>
              ) : (
                item.label
              )}
            </button>
          </li>
        ))}
      </ul>
      {info && !compact ? <p className="app-version">Version {info.version} · offline</p> : null}
    </nav>
  );
}
