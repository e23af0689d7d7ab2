/**
 * Holds on upcoming injects (facilitator): the clock stops just before a
 * held inject is due (about a second and a half of real time ahead), and
 * "Next event" does not jump onto it. Resuming lets it arrive on time;
 * releasing it delivers it now. Holds belong to this console window.
 */
import { useEffect, useRef, useState } from 'react';
import { injectDueAt, type Command, type InjectId } from '../../engine';
import type { ActiveRun } from '../store/run-slice';


export function useHolds(run: ActiveRun | undefined, submit: (command: Command, by?: 'facilitator') => Promise<boolean>) {
  const [chosen, setChosen] = useState<ReadonlySet<InjectId>>(new Set());
  const [stoppedFor, setStoppedFor] = useState<InjectId>();
  const pausing = useRef(false);
  const paused = run?.state.clock.paused === true;
  // Holds on injects that have arrived fall away; the one the clock stopped for is lifted once the clock runs again.
  const holds: ReadonlySet<InjectId> = new Set([...chosen].filter((id) => run !== undefined && injectDueAt(run.state, id) !== undefined && !(id === stoppedFor && !paused)));
  const heldKey = [...holds].join(',');
  useEffect(() => {
    if (!run || run.state.phase !== 'running' || run.state.clock.paused || pausing.current) return;
    const ahead = Math.max(1, Math.ceil(run.state.clock.compression * 1.5));
    const held = new Set(heldKey.split(','));
    const reached = run.pack.injects.map((i) => i.id).find((id) => {
      const due = held.has(id) ? injectDueAt(run.state, id) : undefined;
      return due !== undefined && due - run.state.clock.now <= ahead;
    });
    if (!reached) return;
    pausing.current = true;
    void submit({ type: 'clock.pause' }, 'facilitator').then(() => {
      pausing.current = false;
      setStoppedFor(reached);
    });
  }, [run, heldKey, submit]);
  const toggleHold = (injectId: InjectId) => {
    setChosen((h) => (h.has(injectId) ? new Set([...h].filter((id) => id !== injectId)) : new Set([...h, injectId])));
    if (injectId === stoppedFor) setStoppedFor(undefined);
  };
  return { holds, toggleHold, stoppedFor: paused && stoppedFor && holds.has(stoppedFor) ? stoppedFor : undefined };
}
