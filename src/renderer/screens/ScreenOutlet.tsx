/** Shows the screen for the current route. */
import { assertNever } from '../../engine/result';
import { useStore } from '../store/store';
import { HistoryScreen } from './HistoryScreen';
import { LibraryScreen } from './LibraryScreen';
import { SettingsScreen } from './SettingsScreen';

export function ScreenOutlet() {
  const route = useStore((s) => s.route);
  switch (route.screen) {
    case 'library':
      return <LibraryScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return assertNever(route);
  }
}
