/**
 * Loads the debriefs of ended runs for a comparison: opens each run, builds
 * its debrief with the engine, and closes the runs it opened (ended runs are
 * not kept live).
 */
import { useEffect, useState } from 'react';
import { buildDebrief, type Debrief, type Pack, type RunId } from '../../../engine';
import { call } from '../../api';
import { errorText } from '../../store/errors';

export type Loaded = { readonly pack: Pack; readonly debriefs: readonly Debrief[] } | { readonly error: string } | undefined;

export function useAttemptDebriefs(runIds: readonly RunId[], keepOpen: ReadonlySet<RunId>): Loaded {
  const key = runIds.join(',');
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly value: Loaded }>();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const debriefs: Debrief[] = [];
        let pack: Pack | undefined;
        for (const runId of runIds) {
          const view = await call('openRun', runId);
          if (!keepOpen.has(runId)) await call('closeRun', runId).catch(() => undefined);
          pack ??= view.pack.pack;
          debriefs.push(buildDebrief(view.pack.pack, view.header, view.entries));
        }
        if (!cancelled && pack) setLoaded({ key, value: { pack, debriefs } });
      } catch (error) {
        if (!cancelled) setLoaded({ key, value: { error: errorText(error) } });
      }
    })();
    return () => {
      cancelled = true;
    };
    // The key stands for the ids; the set of live runs only matters when loading starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded?.key === key ? loaded.value : undefined;
}
