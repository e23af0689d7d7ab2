/**
 * A real app server for the server tests: the services over a temp data
 * folder, the loopback listener and — once opened — the room's listener on
 * 127.0.0.2 (a loopback address: tests never touch a real network), and
 * WebSocket clients that speak the renderer's protocol and keep every raw
 * frame they receive.
 */
import type { RunId } from '../../../src/engine';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import { headlessPlatform } from '../../../src/main/platform/platform';
import { startWebApp, type WebApp } from '../../../src/main/web/web-app';
import { contentSecurityPolicy } from '../../../src/shared/csp';
import type { IpcResponse } from '../../../src/shared/ipc';
import type { RoomOptions, RoomStatus } from '../../../src/shared/room';

export const ROOM_HOST = '127.0.0.2';

const FLAGSHIP_ROOT = resolve(import.meta.dirname, '../../../scenarios');

/** A stand-in for out/renderer: an index.html with the app's CSP meta and one asset. */
export async function fakeRenderer(dir: string): Promise<string> {
  const root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('production')}" /></head><body><script type="module" src="./assets/app.js"></script></body></html>`);
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(dir, 'secret.txt'), 'TOP SECRET OUTSIDE THE RENDERER');
  return root;
}

export type Client = {
  readonly frames: string[];
  readonly call: (channel: string, ...args: unknown[]) => Promise<IpcResponse<unknown>>;
  readonly send: (data: string | Buffer) => void;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly close: () => void;
  readonly events: (event: string) => unknown[];
};

/** Opens a WebSocket client; resolves once the server said hello. */
export function connect(url: string, origin: string, headers: Record<string, string> = {}, localAddress?: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin, headers, ...(localAddress ? { localAddress } : {}) });
    const frames: string[] = [];
    const waiting = new Map<number, (r: IpcResponse<unknown>) => void>();
    let nextId = 1;
    let closedResolve: (v: { code: number; reason: string }) => void = () => {};
    const closed = new Promise<{ code: number; reason: string }>((r) => (closedResolve = r));
    ws.on('message', (data) => {
      const text = String(data);
      frames.push(text);
      const frame = JSON.parse(text) as { t: string; id?: number; response?: IpcResponse<unknown> };
      if (frame.t === 'hello') resolve(client);
      if (frame.t === 'res' && frame.id !== undefined) waiting.get(frame.id)?.(frame.response!);
    });
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
    ws.on('close', (code, reason) => {
      for (const done of waiting.values()) done({ ok: false, error: { code: 'failed', message: 'closed' } });
      closedResolve({ code, reason: String(reason) });
    });
    const client: Client = {
      frames,
      call: (channel, ...args) =>
        new Promise((done) => {
          const id = nextId++;
          waiting.set(id, done);
          ws.send(JSON.stringify({ t: 'req', id, channel, args }));
        }),
      send: (data) => ws.send(data),
      closed,
      close: () => ws.close(),
      events: (event) =>
        frames
          .map((f) => JSON.parse(f) as { t: string; event?: string; payload?: unknown })
          .filter((f) => f.t === 'ev' && f.event === event)
          .map((f) => f.payload),
    };
  });
}

export type RoomApp = {
  readonly web: WebApp;
  readonly owner: Client;
  readonly runId: RunId;
  readonly dir: string;
  /** The open room's status (code, address). */
  room: Extract<RoomStatus, { open: true }>;
  readonly roomPort: () => number;
  /** A device on the room's network (right Host and Origin), from `localAddress` if given (a loopback address). */
  readonly device: (localAddress?: string) => Promise<Client>;
  /** Joins as a participant and returns the client and the token. */
  readonly participant: (name: string, role?: string) => Promise<{ client: Client; token: string; participantId: string }>;
  /** Entries in the run's log right now. */
  readonly logLength: () => Promise<number>;
  readonly reopen: (options?: Partial<RoomOptions>) => Promise<void>;
  readonly close: () => Promise<void>;
};

export function ownerUrl(web: WebApp): { url: string; origin: string } {
  const key = new URL(web.url).searchParams.get('key')!;
  return { url: `ws://127.0.0.1:${web.port}/ws?key=${key}`, origin: `http://127.0.0.1:${web.port}` };
}

/** Starts the app, creates and starts a facilitated run of the flagship pack and opens the room. */
export async function startRoomApp(options: Partial<RoomOptions> = {}): Promise<RoomApp> {
  const dir = await mkdtemp(join(tmpdir(), 'vaim-room-'));
  const rendererDir = await fakeRenderer(dir);
  // Only the flagship: these tests play it, and loading five more packs per test only costs time.
  const bundledPacksDir = join(dir, 'scenarios');
  await cp(join(FLAGSHIP_ROOT, 'biased-hiring'), join(bundledPacksDir, 'biased-hiring'), { recursive: true });
  const web = await startWebApp({
    userDataDir: join(dir, 'data'),
    rendererDir,
    bundledPacksDir,
    packsInThread: true,
    platform: () => headlessPlatform,
    room: { bind: ROOM_HOST, addresses: () => [ROOM_HOST] },
  });
  const { url, origin } = ownerUrl(web);
  const owner = await connect(url, origin);
  const created = await owner.call('createRun', { packId: 'biased-hiring', mode: 'facilitated', participants: ['Grace'], title: 'Room test' });
  if (!created.ok) throw new Error(created.error.message);
  const runId = (created.value as { runId: RunId }).runId;
  await owner.call('submitCommand', runId, { by: 'facilitator', command: { type: 'role.assign', role: 'incident-lead', participant: 'Grace' } });
  await owner.call('submitCommand', runId, { by: 'facilitator', command: { type: 'run.start' } });
  await owner.call('submitCommand', runId, { by: 'facilitator', command: { type: 'clock.pause' } });
  const app: RoomApp = {
    web,
    owner,
    runId,
    dir,
    room: undefined as never,
    roomPort: () => Number(new URL(app.room.addresses[0]!.replace('/#/join', '/')).port),
    device: (localAddress) => connect(`ws://${ROOM_HOST}:${app.roomPort()}/ws`, `http://${ROOM_HOST}:${app.roomPort()}`, {}, localAddress),
    participant: async (name, role) => {
      const client = await app.device();
      const joined = await client.call('joinRoom', { code: app.room.code, name, ...(role ? { role } : {}) });
      if (!joined.ok) throw new Error(`join failed: ${joined.error.message}`);
      const value = joined.value as { token: string; self: { participantId: string } };
      return { client, token: value.token, participantId: value.self.participantId };
    },
    logLength: async () => {
      const view = await web.services.sessions.open(runId);
      return view.ok ? view.value.entries.length : -1;
    },
    reopen: async (next = {}) => {
      const opened = await owner.call('openRoom', runId, { allowRolePick: true, tls: false, cap: 30, ...options, ...next });
      if (!opened.ok) throw new Error(opened.error.message);
      app.room = opened.value as Extract<RoomStatus, { open: true }>;
    },
    close: async () => {
      owner.close();
      await web.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await app.reopen();
  return app;
}
