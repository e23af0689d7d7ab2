/**
 * The preload bridge, with `electron` mocked: `window.api` holds one function
 * per IPC channel, each invoking its own channel, plus `on` for the known
 * events, and nothing else. Its entries are typed per channel, so a bridge
 * function wired to the wrong channel does not compile.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES, wireName, type DesktopApi } from '../../../src/shared/ipc';

const exposed = vi.hoisted(() => ({ api: undefined as Record<string, unknown> | undefined, key: '' }));
const invoke = vi.hoisted(() => vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })));
const listeners = vi.hoisted(() => new Map<string, unknown>());

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: unknown) => void listeners.set(channel, listener),
    removeListener: (channel: string) => void listeners.delete(channel),
  },
}));

beforeAll(async () => {
  await import('../../../src/preload/index');
});

describe('the preload bridge', () => {
  it('exposes window.api with exactly one function per channel and the event subscription', () => {
    expect(exposed.key).toBe('api');
    expect(Object.keys(exposed.api ?? {}).sort()).toEqual([...CHANNELS, 'on'].sort());
  });

  it.each(CHANNELS)('%s invokes its own channel with the arguments given, and returns main’s answer', async (channel) => {
    invoke.mockClear();
    const fn = exposed.api?.[channel] as (...args: unknown[]) => Promise<unknown>;
    await expect(fn('a', 2)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledExactlyOnceWith(wireName(channel), 'a', 2);
  });

  it('subscribes to known events only, and the returned function unsubscribes', () => {
    const on = exposed.api?.['on'] as DesktopApi['on'];
    for (const event of EVENT_NAMES) {
      const off = on(event, () => {});
      expect(listeners.has(`vaim:${event}`)).toBe(true);
      off();
      expect(listeners.has(`vaim:${event}`)).toBe(false);
    }
    expect(() => on('ipcRenderer' as never, () => {})).toThrow(/Unknown event/);
  });

  it('types each bridge function by its channel (checked by the typecheck)', async () => {
    const { call } = await import('../../../src/preload/bridge-call');
    const right = { removePack: call('removePack') } satisfies Pick<DesktopApi, 'removePack'>;
    // @ts-expect-error importPack wired to removePack's function has the wrong arguments and result
    const wrong = { importPack: call('removePack') } satisfies Pick<DesktopApi, 'importPack'>;
    expect(typeof right.removePack).toBe('function');
    expect(typeof wrong.importPack).toBe('function');
  });
});
