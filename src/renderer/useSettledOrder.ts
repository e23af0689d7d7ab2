/**
 * A list that never moves under the reader: while the person is not acting,
 * items that leave stay in place (shown as closed) and new ones are added at
 * the end; for a moment after the person's own click or key press the list
 * takes its proper order and the closed items go. Layout then changes only
 * right after input, which is when people expect it (and what the
 * cumulative layout shift metric allows: 500 ms).
 */
import { useEffect, useState } from 'react';

export type SettledItem = { readonly key: string; readonly closed: boolean };

/** How long after an input the list may rearrange (below the 500 ms CLS allows). */
const AFTER_INPUT_MS = 450;

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

export function useSettledOrder(ordered: readonly string[]): readonly SettledItem[] {
  const [shown, setShown] = useState<readonly string[]>(ordered);
  const [settling, setSettling] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      setSettling(true);
      clearTimeout(timer);
      timer = setTimeout(() => setSettling(false), AFTER_INPUT_MS);
    };
    window.addEventListener('pointerdown', onInput, true);
    window.addEventListener('keydown', onInput, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', onInput, true);
      window.removeEventListener('keydown', onInput, true);
    };
  }, []);
  const next = settling ? ordered : [...shown, ...ordered.filter((key) => !shown.includes(key))];
  // What is on screen now is what the next arrival is added to (state derived while rendering, as React documents).
  if (!same(next, shown)) setShown(next);
  return next.map((key) => ({ key, closed: !ordered.includes(key) }));
}
