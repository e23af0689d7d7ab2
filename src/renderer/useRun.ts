/** Opens the run a screen is about (if this view does not follow it yet) and returns it. */
import type { RunId } from '../engine';
import { useEffect } from 'react';
import { useStore } from './store/store';
import type { ActiveRun } from './store/run-slice';

export function useRun(runId: RunId): { run: ActiveRun | undefined; loading: boolean } {
  const run = useStore((s) => (s.run?.runId === runId ? s.run : undefined));
  const loading = useStore((s) => s.runLoading === runId);
  const openRun = useStore((s) => s.openRun);
  useEffect(() => {
    void openRun(runId);
  }, [runId, openRun]);
  return { run, loading };
}
