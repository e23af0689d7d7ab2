/**
 * The one typed map of every IPC channel, shared by main, preload and the
 * renderer. Each channel is a request/response call (`ipcRenderer.invoke`)
 * whose arguments main validates at runtime (src/main/ipc/validators.ts);
 * `events` are pushed from main to the renderer.
 */
import type { AppInfo, Settings } from './app';

/** Request/response channels: method name → argument tuple and result. */
export type IpcContract = {
  getAppInfo: { args: []; result: AppInfo };
  getSettings: { args: []; result: Settings };
  updateSettings: { args: [patch: Partial<Settings>]; result: Settings };
};

/** A channel name (also the DesktopApi method name). */
export type Channel = keyof IpcContract;

/** Every channel, for registration loops and tests. */
export const CHANNELS = ['getAppInfo', 'getSettings', 'updateSettings'] as const satisfies readonly Channel[];

/** The wire name of a channel (namespaced so no other listener collides). */
export const wireName = (channel: Channel): string => `vaim:${channel}`;

/** The error half of every response. `code` is stable, `message` is for people. */
export type IpcError = { readonly code: IpcErrorCode; readonly message: string };
export type IpcErrorCode = 'untrusted-sender' | 'invalid-arguments' | 'not-found' | 'failed' | 'rejected' | 'cancelled';

/** Every response: a value or an error; main never throws across IPC. */
export type IpcResponse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** Events main pushes to the renderer (ipcRenderer.on). */
export type IpcEvents = {
  settingsChanged: Settings;
};
export type EventName = keyof IpcEvents;
export const EVENT_NAMES = ['settingsChanged'] as const satisfies readonly EventName[];

/** The API the preload exposes as `window.api`: one function per channel plus one subscription per event. */
export type DesktopApi = {
  readonly [C in Channel]: (...args: IpcContract[C]['args']) => Promise<IpcResponse<IpcContract[C]['result']>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => () => void;
};
