/**
 * Which screen is shown. Routes are plain data; the hash mirrors them so a
 * presenter window can open straight onto a run (`#/presenter/<runId>`).
 */
import type { PackId } from '../../engine';
import type { RunId } from '../../engine';
import { assertNever, toPackId, toRunId } from '../../engine';
import type { SliceCreator } from './store';

/** A screen and its parameters. */
export type Route =
  | { readonly screen: 'library' }
  | { readonly screen: 'history' }
  | { readonly screen: 'settings' }
  | { readonly screen: 'setup'; readonly packId: PackId }
  | { readonly screen: 'briefing'; readonly runId: RunId }
  | { readonly screen: 'run'; readonly runId: RunId }
  | { readonly screen: 'debrief'; readonly runId: RunId }
  | { readonly screen: 'presenter'; readonly runId: RunId }
  /** A participant's device in the room (the address the room's QR code holds). */
  | { readonly screen: 'join' };

/** Parses a location hash into a route (unknown → library). */
export function routeFromHash(hash: string): Route {
  const [screen, param] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  // Anything in the address that is not an id of its kind is ignored.
  const runId = param === undefined ? undefined : toRunId(param);
  const packId = toPackId(param);
  switch (screen) {
    case 'history':
      return { screen: 'history' };
    case 'settings':
      return { screen: 'settings' };
    case 'join':
      return { screen: 'join' };
    case 'setup':
      return packId ? { screen: 'setup', packId } : { screen: 'library' };
    case 'briefing':
    case 'run':
    case 'debrief':
    case 'presenter':
      return runId ? { screen, runId } : { screen: 'history' };
    default:
      return { screen: 'library' };
  }
}

/** The hash that shows a route. */
export function hashFromRoute(route: Route): string {
  switch (route.screen) {
    case 'setup':
      return `#/setup/${route.packId}`;
    case 'briefing':
    case 'run':
    case 'debrief':
    case 'presenter':
      return `#/${route.screen}/${route.runId}`;
    case 'library':
    case 'history':
    case 'settings':
    case 'join':
      return `#/${route.screen}`;
    default:
      return assertNever(route);
  }
}

export type NavigationSlice = {
  readonly route: Route;
  readonly navigate: (route: Route) => void;
};

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set, get) => ({
  route: typeof window === 'undefined' ? { screen: 'library' } : routeFromHash(window.location.hash),
  navigate: (route) => {
    // Leaving a run whose entries are not saved asks first (unsaved-slice.ts).
    if (!get().mayLeave(route)) return;
    set((draft) => {
      draft.route = route;
    });
  },
});
