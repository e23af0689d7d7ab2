/** The machine's addresses on its local networks, where participants can reach the room. */
import { networkInterfaces } from 'node:os';

/** Non-internal IPv4 addresses, private ranges first (what a phone on the same Wi-Fi can reach). */
export function lanAddresses(): string[] {
  const found = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
  const isPrivate = (ip: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
  return [...new Set(found)].sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)));
}
