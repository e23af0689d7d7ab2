/**
 * The app served to a browser: the real services (../services.ts), the
 * built renderer and the WebSocket transport on 127.0.0.1, and the room's
 * LAN listener when the facilitator opens a room. `npm start` uses it when
 * there is no Electron binary; the end-to-end harness uses the very same
 * function, so what the tests drive is what users run.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Platform } from '../platform/platform';
import { createServices, type Services } from '../services';
import { LOOPBACK_HOSTS } from '../server/http-guard';
import { startListener, type Listener } from '../server/listener';
import { createLanNetwork, type LanNetworkOptions } from '../server/room/lan-network';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');

export type WebAppOptions = {
  readonly userDataDir: string;
  readonly bundledPacksDir?: string;
  readonly rendererDir?: string;
  /** Loopback port; 0 (default) picks a free one. */
  readonly port?: number;
  readonly appVersion?: string;
  /** Builds the platform port once the app's address is known (to open views at it). */
  readonly platform: (app: { readonly viewUrl: (hash: string) => string }) => Platform;
  /** The room's LAN listener: where to bind and which addresses to advertise (tests use loopback). */
  readonly room?: Pick<LanNetworkOptions, 'bind' | 'port' | 'addresses'>;
  /** Lets a caller replace service handlers before the server starts (the E2E harness). */
  readonly overrides?: (services: Services) => void;
  readonly log?: (message: string) => void;
  /** See ServiceOptions.packsInThread (tests that are not about loading). */
  readonly packsInThread?: boolean;
};

export type WebApp = {
  /** The address to open: `http://127.0.0.1:<port>/?key=…` (the key is the owner's access to this app). */
  readonly url: string;
  readonly port: number;
  readonly services: Services;
  /** The address of a view (e.g. `#/presenter/<runId>`). */
  readonly viewUrl: (hash: string) => string;
  /** Stops serving and closes every live session (each log flushed). */
  readonly close: () => Promise<void>;
};

export async function startWebApp(options: WebAppOptions): Promise<WebApp> {
  const rendererDir = options.rendererDir ?? join(PROJECT_ROOT, 'out/renderer');
  const key = randomBytes(24).toString('base64url');
  let base = '';
  const viewUrl = (hash: string) => `${base}?key=${key}${hash}`;
  const services = await createServices({
    userDataDir: options.userDataDir,
    bundledPacksDir: options.bundledPacksDir ?? join(PROJECT_ROOT, 'scenarios'),
    appVersion: options.appVersion ?? process.env['npm_package_version'] ?? '0.0.0',
    platformName: process.platform,
    platform: options.platform({ viewUrl }),
    roomNetwork: (wiring) => createLanNetwork({ rendererDir, dataDir: options.userDataDir, ...options.room }, wiring),
    ...(options.log ? { log: options.log } : {}),
    ...(options.packsInThread ? { packsInThread: true } : {}),
  });
  options.overrides?.(services);
  let listener: Listener;
  try {
    listener = await startListener({
      kind: 'loopback',
      bind: '127.0.0.1',
      port: options.port ?? 0,
      rendererDir,
      gateway: services.gateway,
      hub: services.hub,
      hosts: () => LOOPBACK_HOSTS,
      ownerKey: key,
    });
  } catch (error) {
    await services.dispose();
    throw error;
  }
  base = `http://127.0.0.1:${listener.port}/`;
  let closing: Promise<void> | undefined;
  return {
    url: viewUrl(''),
    port: listener.port,
    services,
    viewUrl,
    close: () =>
      (closing ??= (async () => {
        await listener.close();
        await services.dispose();
      })()),
  };
}
