/** The app frame: skip link, navigation, the current screen and notices. */
import { useEffect } from 'react';
import { useStore } from './store/store';
import { Navigation } from './components/Navigation';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Notices } from './components/Notices';
import { UnsavedDialog } from './components/UnsavedDialog';
import { ScreenOutlet } from './screens/ScreenOutlet';
import { useHashSync } from './useHashSync';

export function App() {
  const loadApp = useStore((s) => s.loadApp);
  const largeText = useStore((s) => s.settings.largeText);
  const highContrast = useStore((s) => s.settings.highContrast);
  const reduceMotion = useStore((s) => s.settings.reduceMotion);
  const presenterRoute = useStore((s) => s.route.screen === 'presenter');
  const runRoute = useStore((s) => s.route.screen === 'run');
  const participantRoute = useStore((s) => s.route.screen === 'join');
  useHashSync();
  useEffect(() => {
    void loadApp();
  }, [loadApp]);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('large-text', largeText);
    root.classList.toggle('high-contrast', highContrast);
    root.classList.toggle('reduce-motion', reduceMotion);
    // The projector view is always large and high-contrast enough to read from the back of a room.
    root.classList.toggle('presenter-mode', presenterRoute);
  }, [largeText, highContrast, reduceMotion, presenterRoute]);
  if (participantRoute) {
    // A participant's own device: their role's view only, no app navigation.
    return (
      <main id="main" className="participant-main">
        <ScreenOutlet />
      </main>
    );
  }
  if (presenterRoute) {
    return (
      <main id="main" className="presenter-main">
        <ScreenOutlet />
      </main>
    );
  }
  return (
    <div className={runRoute ? 'app app-run' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Navigation compact={runRoute} />
      <main id="main" className="app-main" tabIndex={-1}>
        <ScreenOutlet />
      </main>
      <Notices />
      <ConnectionBanner />
      <UnsavedDialog />
    </div>
  );
}
