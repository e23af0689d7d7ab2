/** The typed IPC wrapper: only trusted senders reach the dispatcher, and arguments are validated. */
import { describe, expect, it, vi } from 'vitest';
import { registerIpc, trustedSenders } from '../../../src/main/electron/ipc';
import { createDispatcher, type Handlers } from '../../../src/main/ipc/dispatcher';
import { validators } from '../../../src/main/ipc/validators';
import { CHANNELS, wireName } from '../../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../../src/shared/app';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
}

const APP = 'file:///opt/vaim/out/renderer/';
const event = (overrides: { id?: number; url?: string; parent?: unknown } = {}) => ({
  sender: { id: overrides.id ?? 1 },
  senderFrame: { url: overrides.url ?? `${APP}index.html`, parent: overrides.parent ?? null },
});

function setup() {
  const updateSettings = vi.fn(async (patch: object) => ({ ...DEFAULT_SETTINGS, ...patch }));
  const handlers = {
    getAppInfo: () => ({ name: 'x', version: '1', engineVersion: 1, platform: 'linux', dataDirectory: '/tmp' }),
    getSettings: () => DEFAULT_SETTINGS,
    updateSettings,
  } as unknown as Handlers;
  const ipcMain = fakeIpcMain();
  const dispose = registerIpc(ipcMain as never, () => createDispatcher(handlers, validators), trustedSenders(APP, () => new Set([1])));
  const invoke = (channel: string, e: ReturnType<typeof event>, ...args: unknown[]) => ipcMain.handlers.get(wireName(channel as never))!(e, ...args);
  return { ipcMain, updateSettings, dispose, invoke };
}

describe('registerIpc', () => {
  it('registers exactly one handler per channel and removes them all on dispose', () => {
    const { ipcMain, dispose } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map(wireName).sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers a trusted sender with the handler value', async () => {
    const { invoke, updateSettings } = setup();
    await expect(invoke('updateSettings', event(), { largeText: true })).resolves.toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, largeText: true },
    });
    expect(updateSettings).toHaveBeenCalledWith({ largeText: true });
  });

  it.each([
    ['an unknown webContents', event({ id: 99 })],
    ['a page at another origin', event({ url: 'https://evil.example/index.html' })],
    ['a sub-frame', event({ parent: { url: APP } })],
    ['a frame without a URL', { sender: { id: 1 }, senderFrame: null }],
  ])('rejects %s without calling the handler', async (_label, e) => {
    const { invoke, updateSettings } = setup();
    const response = await invoke('updateSettings', e as never, { largeText: true });
    expect(response).toEqual({ ok: false, error: { code: 'untrusted-sender', message: expect.any(String) } });
    expect(updateSettings).not.toHaveBeenCalled();
  });

  it.each([
    ['a wrong type', [{ largeText: 'yes' }], /Invalid arguments for updateSettings at argument 0\.largeText/],
    ['an unknown key', [{ nodeIntegration: true }], /Invalid arguments for updateSettings/],
    ['too many arguments', [{}, 'extra'], /Invalid arguments for updateSettings/],
    ['a missing argument', [], /Invalid arguments for updateSettings/],
  ])('rejects malformed arguments (%s) with a clear error', async (_label, args, message) => {
    const { invoke, updateSettings } = setup();
    const response = (await invoke('updateSettings', event(), ...args)) as { ok: boolean; error: { code: string; message: string } };
    expect(response.ok).toBe(false);
    expect(response.error.code).toBe('invalid-arguments');
    expect(response.error.message).toMatch(message);
    expect(updateSettings).not.toHaveBeenCalled();
  });
});

describe('registerIpc per window', () => {
  it('answers each window with its own dispatcher (the presenter window gets the presenter’s)', async () => {
    const ipcMain = fakeIpcMain();
    const asked: number[] = [];
    const owner = vi.fn(async () => ({ ok: true as const, value: 'owner' }));
    const presenter = vi.fn(async () => ({ ok: true as const, value: 'presenter' }));
    registerIpc(ipcMain as never, (id) => (asked.push(id), id === 2 ? presenter : owner), trustedSenders(APP, () => new Set([1, 2])));
    const openRun = ipcMain.handlers.get(wireName('openRun'))!;
    await expect(openRun(event({ id: 1 }), 'r1')).resolves.toEqual({ ok: true, value: 'owner' });
    await expect(openRun(event({ id: 2 }), 'r1')).resolves.toEqual({ ok: true, value: 'presenter' });
    expect(asked).toEqual([1, 2]);
    expect(presenter).toHaveBeenCalledWith('openRun', ['r1']);
  });
});

describe('createDispatcher', () => {
  it('refuses unknown channels and turns handler crashes into errors, never throwing', async () => {
    const handlers = {
      getAppInfo: () => {
        throw new Error('disk on fire');
      },
      getSettings: () => DEFAULT_SETTINGS,
      updateSettings: () => DEFAULT_SETTINGS,
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, validators);
    await expect(dispatch('__proto__', [])).resolves.toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    await expect(dispatch('constructor', [])).resolves.toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    await expect(dispatch('getAppInfo', [])).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'disk on fire' } });
  });
});

describe('settings arguments', () => {
  it('accepts the wording of known readiness items and refuses unknown items', async () => {
    const { invoke } = setup();
    const ok = (await invoke('updateSettings', event(), { readinessLabels: { monitoring: 'Ours' } })) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const refused = (await invoke('updateSettings', event(), { readinessLabels: { 'rm -rf': 'x' } })) as { ok: boolean; error: { message: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toMatch(/readinessLabels/);
  });
});
