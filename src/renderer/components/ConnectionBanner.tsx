/**
 * In the browser version the page talks to main over a socket: when it is
 * lost (the app was stopped, the laptop slept) the page says so until it is
 * back, and then reloads the run it follows, so nothing it missed is
 * missing. The desktop app's IPC never drops, so there this never shows.
 */
import { useEffect, useState } from 'react';
import { subscribe } from '../api';
import { useStore } from '../store/store';
import './room/room.css';

export function ConnectionBanner() {
  const [lost, setLost] = useState<string>();
  useEffect(
    () =>
      subscribe('connection', ({ connected, message }) => {
        setLost(connected ? undefined : (message ?? 'The connection to the app was lost; reconnecting…'));
        const { run, leaveRun, openRun } = useStore.getState();
        if (connected && run) {
          leaveRun();
          void openRun(run.runId);
        }
      }),
    [],
  );
  if (!lost) return null;
  return (
    <p className="banner banner-error connection-banner" role="alert">
      {lost}
    </p>
  );
}
