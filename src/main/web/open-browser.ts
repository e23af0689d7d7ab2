/** Opens a URL in the person's default browser, where there is a display to show it on. */
import { spawn } from 'node:child_process';

/** Why a browser cannot be opened here, or undefined when it can. */
export function noDisplayReason(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32' || platform === 'darwin') return undefined;
  return env['DISPLAY'] || env['WAYLAND_DISPLAY'] ? undefined : 'there is no display (no DISPLAY or WAYLAND_DISPLAY)';
}

/** Starts the system's opener for the URL; resolves false when it could not be started. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
