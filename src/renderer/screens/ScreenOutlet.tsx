/** Shows the screen for the current route. */
import { assertNever } from '../../engine';
import { useStore } from '../store/store';
import { BriefingScreen } from './BriefingScreen';
import { DebriefScreen } from './DebriefScreen';
import { HistoryScreen } from './HistoryScreen';
import { LibraryScreen } from './LibraryScreen';
import { ParticipantScreen } from './ParticipantScreen';
import { PresenterScreen } from './PresenterScreen';
import { RunScreen } from './RunScreen';
import { SettingsScreen } from './SettingsScreen';
import { SetupScreen } from './SetupScreen';

export function ScreenOutlet() {
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
