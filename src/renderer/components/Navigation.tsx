/** The main navigation: one button per top-level screen. */
import type { Route } from '../store/navigation-slice';
import { useStore } from '../store/store';

const ITEMS: ReadonlyArray<{ readonly screen: Route['screen']; readonly label: string }> = [
  { screen: 'library', label: 'Library' },
  { screen: 'history', label: 'History' },
  { screen: 'settings', label: 'Settings' },
];

export function Navigation() {
  const current = useStore((s) => s.route.screen);
  const navigate = useStore((s) => s.navigate);
  const info = useStore((s) => s.info);
  return (
    <nav className="app-nav" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">V</span>
        <span className="brand-name">V-AIM Command Trainer</span>
      </div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === item.screen ? 'page' : undefined}
              onClick={() => navigate({ screen: item.screen } as Route)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      {info ? <p className="app-version">Version {info.version} · offline</p> : null}
    </nav>
  );
}
