/**
 * The expected real length of a run at a speed: the pack's reference
 * response played through the session clock's model (engine:
 * estimatePlayTime), beside what the pack states. Worked out after the
 * screen has painted (it plays the whole scenario), then remembered.
 */
import { useEffect, useState } from 'react';
import { ACT_SECONDS, estimatePlayTime, formatRealMinutes, formatRealSeconds, type Pack, type PlayEstimate } from '../../engine';

const cache = new WeakMap<Pack, Map<string, PlayEstimate>>();

function cached(pack: Pack, key: string): PlayEstimate | undefined {
  return cache.get(pack)?.get(key);
}

/** The estimate for `pack` at `compression`, worked out in the next task (undefined meanwhile). */
export function usePlayEstimate(pack: Pack, compression: number, skipQuiet: boolean): PlayEstimate | undefined {
  const key = `${compression}|${skipQuiet}`;
  const [, setDone] = useState(0);
  const known = cached(pack, key);
  useEffect(() => {
    if (cached(pack, key)) return;
    const timer = setTimeout(() => {
      try {
        const value = estimatePlayTime(pack, { compression, skipQuiet });
        const map = cache.get(pack) ?? new Map<string, PlayEstimate>();
        map.set(key, value);
        cache.set(pack, map);
      } catch {
        // A pack whose reference cannot be played has no estimate; the stated length still shows.
      }
      setDone((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [pack, key, compression, skipQuiet]);
  return known;
}

export function PlayLength({ pack, compression, skipQuiet }: { readonly pack: Pack; readonly compression: number; readonly skipQuiet: boolean }) {
  const estimate = usePlayEstimate(pack, compression, skipQuiet);
  return (
    <p className="play-length" aria-live="polite">
      {estimate ? (
        <>
          <strong>Expected length at this speed: about {formatRealMinutes(estimate.realSeconds)}.</strong> The clock runs about {formatRealMinutes(estimate.clockSeconds)}
          {skipQuiet ? ' (quiet periods skipped)' : ' (quiet periods not skipped)'}, plus about {formatRealSeconds(ACT_SECONDS)} to discuss each of the
          reference response's {estimate.acts} decisions{estimate.debriefSeconds > 0 ? `; the TRACE debrief adds about ${formatRealMinutes(estimate.debriefSeconds)}` : ''}. The pack says about{' '}
          {pack.durationMinutes} min.
        </>
      ) : (
        <>Working out the expected length at this speed… The pack says about {pack.durationMinutes} min.</>
      )}
    </p>
  );
}
