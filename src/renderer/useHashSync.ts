/**
 * Keeps the location hash and the store's route in step: on start the hash
 * wins (a presenter window opens straight onto its run), afterwards the
 * store drives the hash, and back/forward or typed hashes drive the store.
 */
import { useEffect, useRef } from 'react';
import { hashFromRoute, routeFromHash } from './store/navigation-slice';
import { useStore } from './store/store';

export function useHashSync(): void {
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const started = useRef(false);
  useEffect(() => {
    if (!started.current) {
      started.current = true;
      if (window.location.hash && window.location.hash !== hashFromRoute(route)) {
        navigate(routeFromHash(window.location.hash));
        return;
      }
    }
    const next = hashFromRoute(route);
    if (window.location.hash !== next) window.history.replaceState(null, '', next);
  }, [route, navigate]);
  useEffect(() => {
    const onHashChange = () => navigate(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [navigate]);
}
