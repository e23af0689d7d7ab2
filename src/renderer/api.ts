/**
 * The renderer's single seam to the main process: the only module that
 * reads `window.api`. In the desktop app that is the preload's IPC bridge;
 * served to a browser (no preload) it is the WebSocket transport
 * (transport/socket-api.ts) to the same dispatcher. It unwraps responses
 * into values or ApiErrors so the rest of the UI deals in plain promises.
 */
import type { Channel, DesktopApi, EventName, IpcContract, IpcError, IpcEvents } from '../shared/ipc';
import { createSocketApi, socketUrlForPage } from './transport/socket-api';

/** An error reported by main for a call (validation, not found, failed …). */
export class ApiError extends Error {
  constructor(readonly code: IpcError['code'], message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- global augmentation needs an interface
  interface Window {
    readonly api?: DesktopApi;
  }
}

let override: DesktopApi | undefined;
let socket: DesktopApi | undefined;

/** Replaces the desktop API (component tests pass a fake). */
export function setDesktopApi(api: DesktopApi | undefined): void {
  override = api;
}

function desktop(): DesktopApi {
  const api = override ?? window.api ?? servedApi();
  if (!api) throw new ApiError('failed', 'The desktop bridge is not available.');
  return api;
}

/** The WebSocket transport, when the page was served over http(s) rather than loaded by the desktop app. */
function servedApi(): DesktopApi | undefined {
  if (socket) return socket;
  if (typeof window === 'undefined' || !/^https?:$/.test(window.location.protocol)) return undefined;
  const url = socketUrlForPage(window.location, window.sessionStorage);
  // The key is kept for this tab only; it need not stay in the address bar.
  if (new URLSearchParams(window.location.search).has('key')) window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  socket = createSocketApi({ url });
  return socket;
}

/** Calls a channel and returns its value, or throws an ApiError. */
export async function call<C extends Channel>(channel: C, ...args: IpcContract[C]['args']): Promise<IpcContract[C]['result']> {
  const fn = desktop()[channel] as (...a: IpcContract[C]['args']) => ReturnType<DesktopApi[C]>;
  const response = await fn(...args);
  if (!response.ok) throw new ApiError(response.error.code, response.error.message);
  return response.value as IpcContract[C]['result'];
}

/** Subscribes to an event from main; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void {
  return desktop().on(event, listener);
}
