/**
 * Host and Origin checks for every request the app's server answers. A page
 * on another site can make a browser send requests to 127.0.0.1 or to the
 * room's address, and DNS rebinding can even make such a page same-origin
 * with us under its own name: so the Host header must be one of the
 * addresses we serve under (IP literals or `localhost`, never a DNS name),
 * and a WebSocket's Origin must be that same address.
 */
import { isIP } from 'node:net';

/** Where a listener may be reached: its port and the host names it answers to. */
export type HostPolicy = { readonly port: number; readonly hosts: () => readonly string[] };

/** Loopback names a local listener answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/** Splits a Host header into host name and port (IPv6 literals in brackets). */
export function parseHost(header: string | undefined): { readonly name: string; readonly port: number | undefined } | undefined {
  if (!header || header.length > 300) return undefined;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/.exec(header);
  if (!match) return undefined;
  const name = (match[1] ?? match[2] ?? '').toLowerCase();
  const port = match[3] === undefined ? undefined : Number(match[3]);
  return { name, port };
}

/** Whether a request's Host header names this listener. */
export function hostAllowed(header: string | undefined, policy: HostPolicy): boolean {
  const host = parseHost(header);
  if (!host || host.port !== policy.port) return false;
  if (host.name !== 'localhost' && isIP(host.name) === 0) return false;
  return policy.hosts().some((allowed) => allowed.toLowerCase() === host.name);
}

/** Whether a WebSocket's Origin is the page this listener served (same scheme, host and port). */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined, scheme: 'http' | 'https'): boolean {
  if (!origin || !hostHeader) return false;
  return origin.toLowerCase() === `${scheme}://${hostHeader.toLowerCase()}`;
}
