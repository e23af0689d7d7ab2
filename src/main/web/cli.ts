/**
 * `npm start` in browser mode (start.mjs decides): serves the app on
 * 127.0.0.1, prints the address, opens the default browser where there is a
 * display, and on Ctrl-C flushes every live run before it exits.
 */
import { noDisplayReason, openBrowser } from './open-browser';
import { userDataDirectory } from './user-data';
import { webPlatform } from './web-platform';
import { startWebApp } from './web-app';

export type CliOptions = { readonly port: number; readonly open: boolean };

/** Reads `--port N` and `--no-open`; anything else is a usage error. */
export function parseCliArgs(argv: readonly string[]): CliOptions | string {
  let port = Number(process.env['VAIM_PORT'] ?? 0);
  let open = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-open') open = false;
    else if (arg === '--browser') continue;
    else if (arg === '--port' && i + 1 < argv.length) port = Number(argv[++i]);
    else return `Unknown option ${JSON.stringify(arg)}. Usage: npm start [-- --browser] [--port N] [--no-open]`;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) return 'The port must be a whole number from 0 to 65535 (0 picks a free one).';
  return { port, open };
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (typeof parsed === 'string') {
    console.error(parsed);
    return 2;
  }
  const userDataDir = userDataDirectory();
  const display = noDisplayReason();
  const app = await startWebApp({
    userDataDir,
    port: parsed.port,
    platform: ({ viewUrl }) =>
      webPlatform({
        userDataDir,
        openView: async (hash) => {
          if (display || !(await openBrowser(viewUrl(hash)))) console.log(`Open the presenter view at ${viewUrl(hash)}`);
        },
      }),
    log: (message) => console.error(message),
  });
  console.log(`V-AIM Command Trainer is running at ${app.url}`);
  console.log(`Data folder: ${userDataDir}. Press Ctrl-C to stop.`);
  if (parsed.open && !display) {
    if (!(await openBrowser(app.url))) console.log('Open that address in your browser.');
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: saving every open run and stopping…`);
      void app.close().then(() => {
        console.log('Stopped. Every open run was saved.');
        resolve();
      });
    };
    process.once('SIGINT', () => stop('Ctrl-C'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
