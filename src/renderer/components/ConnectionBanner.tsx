/**
 * In the browser version the page talks to main over a socket: when it is
 * lost (the app was stopped, the laptop slept) the page says so until it is
 * back. The desktop app's IPC never drops, so there this never shows.
 */
import { useEffect, useState } from 'react';
import { subscribe } from '../api';
import './room/room.css';

export function ConnectionBanner() {
  const [lost, setLost] = useState<string>();
  useEffect(() => subscribe('connection', ({ connected, message }) => setLost(connected ? undefined : (message ?? 'The connection to the app was lost; reconnecting…'))), []);
  if (!lost) return null;
  return (
    <p className="banner banner-error connection-banner" role="alert">
      {lost}
    </p>
  );
}
