/** The room of a run as the facilitator's panel follows it: loaded once, then kept current by `roomStatus` events. */
import type { RunId } from '../../../engine';
import { useCallback, useEffect, useState } from 'react';
import type { RoomStatus } from '../../../shared/room';
import { call, subscribe } from '../../api';

export function useRoomStatus(runId: RunId): { readonly status: RoomStatus | undefined; readonly update: (next: RoomStatus) => void } {
  const [status, setStatus] = useState<RoomStatus>();
  useEffect(() => {
    let live = true;
    const off = subscribe('roomStatus', (next) => {
      if (next.runId === runId) setStatus(next);
    });
    call('getRoom', runId).then(
      (value) => live && setStatus(value),
      () => {},
    );
    return () => {
      live = false;
      off();
    };
  }, [runId]);
  const update = useCallback((next: RoomStatus) => setStatus(next), []);
  return { status, update };
}
