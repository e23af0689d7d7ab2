/**
 * The renderer's single seam to the main process: the only module that
 * reads `window.api`. It unwraps IPC responses into values or ApiErrors so
 * the rest of the UI deals in plain promises.
 */
import type { Channel, DesktopApi, EventName, IpcContract, IpcError, IpcEvents } from '../shared/ipc';

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

/** Replaces the desktop API (component tests pass a fake). */
export function setDesktopApi(api: DesktopApi | undefined): void {
  override = api;
}

function desktop(): DesktopApi {
  const api = override ?? window.api;
  if (!api) throw new ApiError('failed', 'The desktop bridge is not available.');
  return api;
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
