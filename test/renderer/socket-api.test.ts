/**
 * The WebSocket transport as the renderer sees it: the same DesktopApi as the
 * preload's, calls made before the socket is up wait for it, answers match
 * their calls, events reach subscribers, and a lost connection fails the
 * calls in flight, is announced, retried and announced again when back.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc';
import { createSocketApi, socketUrlForPage } from '../../src/renderer/transport/socket-api';

class FakeSocket {
  static made: FakeSocket[] = [];
  sent: string[] = [];
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.onclose?.();
  }
  /** The server's side. */
  hello(as = 'owner') {
    this.onmessage?.({ data: JSON.stringify({ t: 'hello', as }) });
  }
  answer(index: number, value: unknown) {
    const { id } = JSON.parse(this.sent[index]!) as { id: number };
    this.onmessage?.({ data: JSON.stringify({ t: 'res', id, response: { ok: true, value } }) });
  }
  event(event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ t: 'ev', event, payload }) });
  }
}

function setup() {
  FakeSocket.made = [];
  const timers: Array<() => void> = [];
  const api = createSocketApi({ url: 'ws://127.0.0.1:9/ws?key=k', createSocket: (url) => new FakeSocket(url) as unknown as WebSocket, schedule: (cb) => timers.push(cb), callTimeoutMs: 60_000 });
  return { api, socket: () => FakeSocket.made.at(-1)!, retry: () => timers.shift()?.() };
}

describe('the WebSocket DesktopApi', () => {
  it('has every channel of the contract', () => {
    const { api } = setup();
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
  });

  it('queues calls until the server says hello, then answers each call with its own response', async () => {
    const { api, socket } = setup();
    const first = api.getAppInfo();
    const second = api.listRuns();
    expect(socket().sent).toEqual([]);
    socket().hello();
    expect(socket().sent.map((s) => JSON.parse(s).channel)).toEqual(['getAppInfo', 'listRuns']);
    expect(api.connectedAs()).toBe('owner');
    socket().answer(1, ['run']);
    socket().answer(0, { name: 'app' });
    await expect(first).resolves.toEqual({ ok: true, value: { name: 'app' } });
    await expect(second).resolves.toEqual({ ok: true, value: ['run'] });
  });

  it('delivers events to subscribers until they unsubscribe, and ignores unknown events', () => {
    const { api, socket } = setup();
    socket().hello();
    const got: unknown[] = [];
    const off = api.on('runEvent', (e) => got.push(e));
    socket().event('runEvent', { type: 'status', runId: 'r', status: 'paused' });
    socket().event('notAnEvent', {});
    off();
    socket().event('runEvent', { type: 'status', runId: 'r', status: 'running' });
    expect(got).toEqual([{ type: 'status', runId: 'r', status: 'paused' }]);
    expect(() => api.on('nope' as never, () => {})).toThrow(/Unknown event/);
  });

  it('fails calls in flight when the connection drops, announces it, reconnects and announces that', async () => {
    const { api, socket, retry } = setup();
    socket().hello();
    const states: unknown[] = [];
    api.on('connection', (s) => states.push(s));
    const pending = api.listRuns();
    socket().close();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(states).toEqual([{ connected: false, message: expect.stringMatching(/lost; reconnecting/) }]);
    retry();
    expect(FakeSocket.made).toHaveLength(2);
    const later = api.getSettings();
    socket().hello();
    socket().answer(0, { largeText: true });
    await expect(later).resolves.toEqual({ ok: true, value: { largeText: true } });
    expect(states.at(-1)).toEqual({ connected: true });
  });

  it('says where to go when the address never answers (no key, wrong address)', () => {
    const { api, socket, retry } = setup();
    const states: unknown[] = [];
    api.on('connection', (s) => states.push(s));
    for (let i = 0; i < 3; i++) {
      socket().close();
      retry();
    }
    expect(states).toEqual([{ connected: false, message: expect.stringMatching(/printed by `npm start`/) }]);
  });
});

describe('socketUrlForPage', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  };

  it('connects to the page’s own host with the key, keeping it for the tab', () => {
    const kept = storage();
    expect(socketUrlForPage({ protocol: 'http:', host: '127.0.0.1:5000', search: '?key=abc', hash: '#/library' }, kept)).toBe('ws://127.0.0.1:5000/ws?key=abc');
    expect(socketUrlForPage({ protocol: 'http:', host: '127.0.0.1:5000', search: '', hash: '' }, kept)).toBe('ws://127.0.0.1:5000/ws?key=abc');
  });

  it('asks for the presenter’s reduced view on the presenter route, and wss on https', () => {
    expect(socketUrlForPage({ protocol: 'https:', host: '10.0.0.2:443', search: '', hash: '#/presenter/r1' }, storage())).toBe('wss://10.0.0.2:443/ws?view=presenter');
    expect(socketUrlForPage({ protocol: 'http:', host: '10.0.0.2:8080', search: '', hash: '#/join' }, storage())).toBe('ws://10.0.0.2:8080/ws');
  });
});
