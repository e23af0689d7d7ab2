/**
 * Moves keyboard focus to a screen's heading when the user navigates to it,
 * so screen readers announce the new screen. The first screen after start-up
 * is left alone so Tab begins at the skip link.
 */
import { useEffect, useRef } from 'react';

let firstScreenShown = false;

export function useFocusHeading<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!firstScreenShown) {
      firstScreenShown = true;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}
