/**
 * Shows the screen for the current route. The library (the first screen)
 * and settings load with the app; every other screen is its own chunk,
 * fetched when first visited, so the start-up script stays small: the run,
 * debrief and history screens bring the engine's reducer, scoring and the
 * Markdown renderer with them.
 */
import { lazy, Suspense } from 'react';
import { assertNever } from '../../engine';
import { useStore } from '../store/store';
import { LibraryScreen } from './LibraryScreen';
import { SettingsScreen } from './SettingsScreen';

const BriefingScreen = lazy(() => import('./BriefingScreen').then((m) => ({ default: m.BriefingScreen })));
const DebriefScreen = lazy(() => import('./DebriefScreen').then((m) => ({ default: m.DebriefScreen })));
const HistoryScreen = lazy(() => import('./HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
const ParticipantScreen = lazy(() => import('./ParticipantScreen').then((m) => ({ default: m.ParticipantScreen })));
const PresenterScreen = lazy(() => import('./PresenterScreen').then((m) => ({ default: m.PresenterScreen })));
const RunScreen = lazy(() => import('./RunScreen').then((m) => ({ default: m.RunScreen })));
const SetupScreen = lazy(() => import('./SetupScreen').then((m) => ({ default: m.SetupScreen })));

export function ScreenOutlet() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <CurrentScreen />
    </Suspense>
  );
}

function CurrentScreen() {
  const route = useStore((s) => s.route);
  switch (route.screen) {
    case 'library':
      return <LibraryScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'setup':
      return <SetupScreen key={route.packId} packId={route.packId} />;
    case 'briefing':
      return <BriefingScreen key={route.runId} runId={route.runId} />;
    case 'run':
      return <RunScreen key={route.runId} runId={route.runId} />;
    case 'debrief':
      return <DebriefScreen key={route.runId} runId={route.runId} />;
    case 'presenter':
      return <PresenterScreen key={route.runId} runId={route.runId} />;
    case 'join':
      return <ParticipantScreen />;
    default:
      return assertNever(route);
  }
}
