/**
 * The second implementation of DesktopApi: the same channels and events as
 * Electron IPC, over a WebSocket to main's server (src/main/server). Used
 * when the app is served to a browser — `npm start` without the desktop
 * binary, and participants' own devices in the room. Calls made while the
 * socket is down wait for it; a lost connection is retried with backoff and
 * announced as the `connection` event so views can catch up.
 */
import { CHANNELS, EVENT_NAMES, type DesktopApi, type EventName, type IpcEvents, type IpcResponse } from '../../shared/ipc';

export type SocketApiOptions = {
  /** `ws://host:port/ws?…` */
  readonly url: string;
  readonly createSocket?: (url: string) => WebSocket;
  /** No answer within this long fails the call (ms). */
  readonly callTimeoutMs?: number;
  readonly schedule?: (callback: () => void, ms: number) => unknown;
};

type Pending = { readonly resolve: (response: IpcResponse<unknown>) => void; readonly timer: ReturnType<typeof setTimeout> };

const failed = (message: string): IpcResponse<never> => ({ ok: false, error: { code: 'failed', message } });
const RETRY_MS = [250, 500, 1000, 2000, 4000];

export type SocketApi = DesktopApi & {
  /** Who the server says this connection is ('owner', 'presenter', 'guest'), once connected. */
  readonly connectedAs: () => string | undefined;
  readonly close: () => void;
};

export function createSocketApi(options: SocketApiOptions): SocketApi {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const schedule = options.schedule ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const timeoutMs = options.callTimeoutMs ?? 30_000;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let socket: WebSocket | undefined;
  let open = false;
  let as: string | undefined;
  let nextId = 1;
  let failures = 0;
  let everConnected = false;
  let closedByUs = false;

  const emit = <E extends EventName>(event: E, payload: IpcEvents[E]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        (listener as (p: IpcEvents[E]) => void)(payload);
      } catch {
        // A failing view must not stop the others.
      }
    }
  };

  const connect = () => {
    const ws = createSocket(options.url);
    socket = ws;
    ws.onmessage = (message) => receive(typeof message.data === 'string' ? message.data : '');
    ws.onclose = () => {
      const wasOpen = open;
      open = false;
      as = undefined;
      socket = undefined;
      for (const [id, call] of pending) {
        clearTimeout(call.timer);
        call.resolve(failed('The connection to the app was lost before it answered; try again.'));
        pending.delete(id);
      }
      if (closedByUs) return;
      failures += 1;
      if (wasOpen || failures === 3) {
        const message = everConnected
          ? 'The connection to the app was lost; reconnecting…'
          : 'The app cannot be reached at this address. Open the address printed by `npm start` (it includes the access key), or the room address on the facilitator’s screen.';
        emit('connection', { connected: false, message });
      }
      schedule(connect, RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)]!);
    };
  };

  const receive = (text: string) => {
    let frame: { t?: unknown; id?: unknown; response?: unknown; event?: unknown; payload?: unknown; as?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    if (frame.t === 'hello') {
      const reconnected = everConnected;
      open = true;
      everConnected = true;
      failures = 0;
      as = typeof frame.as === 'string' ? frame.as : undefined;
      for (const data of queue.splice(0)) socket?.send(data);
      if (reconnected) emit('connection', { connected: true });
    } else if (frame.t === 'res' && typeof frame.id === 'number') {
      const call = pending.get(frame.id);
      if (!call) return;
      pending.delete(frame.id);
      clearTimeout(call.timer);
      call.resolve(frame.response as IpcResponse<unknown>);
    } else if (frame.t === 'ev' && typeof frame.event === 'string' && (EVENT_NAMES as readonly string[]).includes(frame.event)) {
      emit(frame.event as EventName, frame.payload as never);
    }
  };

  const invoke = (channel: string, args: unknown[]): Promise<IpcResponse<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(failed(`The app did not answer (${channel}) in time.`));
      }, timeoutMs);
      pending.set(id, { resolve, timer });
      const data = JSON.stringify({ t: 'req', id, channel, args });
      if (open && socket) socket.send(data);
      else queue.push(data);
    });

  connect();
  const channels = Object.fromEntries(CHANNELS.map((channel) => [channel, (...args: unknown[]) => invoke(channel, args)]));
  return {
    ...(channels as Omit<DesktopApi, 'on'>),
    on: (event, listener) => {
      if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => void set.delete(listener as (payload: never) => void);
    },
    connectedAs: () => as,
    close: () => {
      closedByUs = true;
      socket?.close();
    },
  } as SocketApi;
}

/**
 * The socket address for the page the renderer was served as: same host and
 * port, `/ws`, with the owner's key from the address `npm start` printed
 * (kept for this tab, then removed from the address bar) and, on the
 * presenter route, the presenter's reduced view.
 */
export function socketUrlForPage(location: Pick<Location, 'protocol' | 'host' | 'search' | 'hash'>, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): string {
  const params = new URLSearchParams(location.search);
  const given = params.get('key');
  if (given) storage?.setItem('vaim-key', given);
  const key = given ?? storage?.getItem('vaim-key') ?? '';
  const query = new URLSearchParams();
  if (key) query.set('key', key);
  if (location.hash.startsWith('#/presenter/')) query.set('view', 'presenter');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const search = query.toString();
  return `${scheme}//${location.host}/ws${search ? `?${search}` : ''}`;
}
