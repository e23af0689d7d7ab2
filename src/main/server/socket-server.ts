/**
 * The WebSocket endpoint (`/ws`) of a listener, on the `ws` package. At the
 * upgrade: path, Host, Origin and credentials are checked before a socket
 * exists (the owner's key on the loopback listener; nothing on the room's,
 * where a device starts as a guest and must join). Per socket: a frame size
 * limit (ws closes with 1009 above it), a message rate limit, validated
 * frames, a heartbeat that notices dropped phones, and a bound on what may
 * queue up for a slow reader.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventHub } from './event-hub';
import type { Gateway } from './gateway';
import { hostAllowed, originAllowed, type HostPolicy } from './http-guard';
import type { Principal } from './principal';
import { OWNER_MAX_FRAME_BYTES, parseRequestFrame, ROOM_MAX_FRAME_BYTES, type ServerFrame } from './protocol';
import { createBucket, type RateLimit } from './rate-limit';

export type SocketServerOptions = {
  /** `loopback`: the app's own pages (key required); `room`: participants' devices. */
  readonly kind: 'loopback' | 'room';
  readonly scheme: 'http' | 'https';
  readonly policy: HostPolicy;
  readonly gateway: Gateway;
  readonly hub: EventHub;
  /** The owner's key (loopback listener only). */
  readonly ownerKey?: string;
  readonly now?: () => number;
  /** Most sockets at once (a flood of connections must not exhaust the machine). */
  readonly maxSockets?: number;
  readonly heartbeatMs?: number;
};

/** Messages per socket: the app's own page is busy (ticks, typing); a device taps. */
export const MESSAGE_LIMITS: Readonly<Record<SocketServerOptions['kind'], RateLimit>> = {
  loopback: { burst: 400, perSecond: 200 },
  room: { burst: 20, perSecond: 10 },
};
/** Past this much queued output a socket is too slow to follow the run and is dropped (it rejoins and catches up). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export type SocketServer = {
  readonly handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Closes every socket (the room closed). */
  readonly close: () => Promise<void>;
  readonly size: () => number;
};

export function createSocketServer(options: SocketServerOptions): SocketServer {
  const now = options.now ?? (() => performance.now());
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.kind === 'room' ? ROOM_MAX_FRAME_BYTES : OWNER_MAX_FRAME_BYTES, perMessageDeflate: false });
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  };

  const principalFor = (request: IncomingMessage, url: URL): Principal | undefined => {
    const remote = request.socket.remoteAddress ?? 'unknown';
    if (options.kind === 'room') return { kind: 'guest', remote };
    const key = url.searchParams.get('key') ?? '';
    const expected = Buffer.from(options.ownerKey ?? '');
    const given = Buffer.from(key);
    if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return url.searchParams.get('view') === 'presenter' ? { kind: 'presenter' } : { kind: 'owner' };
  };

  const handleUpgrade: SocketServer['handleUpgrade'] = (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws') return refuse(socket, 404, 'Not Found');
    if (!hostAllowed(request.headers.host, options.policy)) return refuse(socket, 421, 'Misdirected Request');
    if (!originAllowed(request.headers.origin, request.headers.host, options.scheme)) return refuse(socket, 403, 'Forbidden');
    if (wss.clients.size >= (options.maxSockets ?? 200)) return refuse(socket, 503, 'Service Unavailable');
    const principal = principalFor(request, url);
    if (!principal) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, principal));
  };

  const accept = (ws: WebSocket, initial: Principal) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const connection = options.gateway.connect(initial);
    const bucket = createBucket(MESSAGE_LIMITS[options.kind], now);
    const send = (frame: ServerFrame) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(frame));
    };
    const detach = options.hub.attach({
      principal: connection.principal,
      send: (event, payload) => send({ t: 'ev', event, payload }),
      close: () => ws.close(4000, 'Removed from the room'),
    });
    send({ t: 'hello', as: initial.kind });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(1003, 'Text frames only');
        return;
      }
      const parsed = parseRequestFrame(rawText(data));
      if (!parsed.ok) {
        send(parsed.id === undefined ? { t: 'bad', message: parsed.message } : { t: 'res', id: parsed.id, response: { ok: false, error: { code: 'invalid-arguments', message: parsed.message } } });
        return;
      }
      const { id, channel, args } = parsed.frame;
      if (!bucket.take()) {
        send({ t: 'res', id, response: { ok: false, error: { code: 'rate-limited', message: 'Too many messages: slow down.' } } });
        return;
      }
      void connection.dispatch(channel, args).then((response) => send({ t: 'res', id, response }));
    });
    ws.on('close', () => {
      detach();
      connection.closed();
    });
    ws.on('error', () => ws.terminate());
  };

  return {
    handleUpgrade,
    size: () => wss.clients.size,
    close: async () => {
      clearInterval(heartbeat);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
