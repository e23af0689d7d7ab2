/**
 * A fake DesktopApi for component tests: every channel answers from a
 * handler table the test provides, and events can be emitted by the test.
 */
import { vi } from 'vitest';
import { CHANNELS, type Channel, type DesktopApi, type EventName, type IpcContract, type IpcEvents } from '../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../src/shared/app';

type FakeHandlers = { [C in Channel]?: (...args: IpcContract[C]['args']) => IpcContract[C]['result'] | Promise<IpcContract[C]['result']> };

const DEFAULTS: FakeHandlers = {
  getAppInfo: () => ({ name: 'V-AIM Command Trainer', version: '0.0.0-test', engineVersion: 1, platform: 'test', dataDirectory: '/data/vaim' }),
  getSettings: () => DEFAULT_SETTINGS,
  updateSettings: (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
};

/** Builds the fake; `calls` records every call as [channel, args]. */
export function fakeDesktopApi(handlers: FakeHandlers = {}) {
  const table = { ...DEFAULTS, ...handlers } as Record<string, ((...args: unknown[]) => unknown) | undefined>;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<[Channel, unknown[]]> = [];
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      vi.fn(async (...args: unknown[]) => {
        calls.push([channel, args]);
        const handler = table[channel];
        if (!handler) return { ok: false, error: { code: 'failed', message: `no fake for ${channel}` } };
        try {
          return { ok: true, value: await handler(...args) };
        } catch (error) {
          return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
        }
      }),
    ]),
  ) as unknown as DesktopApi;
  const on = <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener as (payload: unknown) => void);
    return () => void listeners.get(event)?.delete(listener as (payload: unknown) => void);
  };
  const emit = <E extends EventName>(event: E, payload: IpcEvents[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { api: { ...api, on } as DesktopApi, calls, emit };
}
