/**
 * Which screen is shown. Routes are plain data; the hash mirrors them so a
 * presenter window can open straight onto a run (`#/presenter/<runId>`).
 */
import type { SliceCreator } from './store';

/** A screen and its parameters. */
export type Route =
  | { readonly screen: 'library' }
  | { readonly screen: 'history' }
  | { readonly screen: 'settings' };

export type NavigationSlice = {
  readonly route: Route;
  readonly navigate: (route: Route) => void;
};

/** Parses a location hash into a route (unknown → library). */
export function routeFromHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (parts[0]) {
    case 'history':
      return { screen: 'history' };
    case 'settings':
      return { screen: 'settings' };
    default:
      return { screen: 'library' };
  }
}

/** The hash that shows a route. */
export function hashFromRoute(route: Route): string {
  return `#/${route.screen}`;
}

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
  route: typeof window === 'undefined' ? { screen: 'library' } : routeFromHash(window.location.hash),
  navigate: (route) =>
    set((draft) => {
      draft.route = route;
    }),
});
