/**
 * One HTTP(S) listener of the app's server: the built renderer and the
 * `/ws` endpoint, behind the Host check. `loopback` serves the facilitator's
 * own pages on 127.0.0.1 (browser mode); `room` serves participants on the
 * LAN while a room is open. Closing a listener ends every connection at once.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EventHub } from './event-hub';
import type { Gateway } from './gateway';
import { hostAllowed, type HostPolicy } from './http-guard';
import { createSocketServer, type SocketServer } from './socket-server';
import { securityHeaders, serveStatic } from './static-files';
import { contentSecurityPolicy } from '../../shared/csp';

export type ListenerOptions = {
  readonly kind: 'loopback' | 'room';
  /** Address to bind (`127.0.0.1` for loopback; the LAN's for the room). */
  readonly bind: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly rendererDir: string;
  readonly gateway: Gateway;
  readonly hub: EventHub;
  /** Host names the listener answers to, besides its port (checked on every request). */
  readonly hosts: () => readonly string[];
  readonly ownerKey?: string;
  readonly tls?: { readonly cert: string; readonly key: string };
  readonly maxSockets?: number;
};

export type Listener = {
  readonly port: number;
  readonly scheme: 'http' | 'https';
  readonly sockets: SocketServer;
  readonly close: () => Promise<void>;
};

export async function startListener(options: ListenerOptions): Promise<Listener> {
  const scheme = options.tls ? 'https' : 'http';
  let port = options.port;
  const policy: HostPolicy = { get port() { return port; }, hosts: options.hosts };
  const sockets = createSocketServer({
    kind: options.kind,
    scheme,
    policy,
    gateway: options.gateway,
    hub: options.hub,
    ...(options.ownerKey ? { ownerKey: options.ownerKey } : {}),
    ...(options.maxSockets ? { maxSockets: options.maxSockets } : {}),
  });
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    if (!hostAllowed(request.headers.host, policy)) {
      response.writeHead(421, { ...securityHeaders(contentSecurityPolicy('production')), 'Content-Type': 'text/plain; charset=utf-8' }).end('This address is not served here.');
      return;
    }
    const socketOrigin = `${scheme === 'https' ? 'wss' : 'ws'}://${request.headers.host ?? ''}`;
    serveStatic(options.rendererDir, request, response, socketOrigin).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createHttpServer(onRequest);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.maxHeadersCount = 50;
  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head));
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bind, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    scheme,
    sockets,
    close: async () => {
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
