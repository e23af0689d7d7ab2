/**
 * The room's LAN listener as the services see it (RoomNetwork): started when
 * the facilitator opens the room, on the machine's LAN addresses, and
 * stopped — every participant connection with it — when the room closes.
 */
import type { EventHub } from '../event-hub';
import type { Gateway } from '../gateway';
import { LOOPBACK_HOSTS } from '../http-guard';
import { startListener, type Listener } from '../listener';
import { lanAddresses } from './lan-addresses';
import type { RoomNetwork } from './room-service';
import { roomCertificate } from './tls';
import { ROOM_LIMITS } from '../../../shared/room';

export type LanNetworkOptions = {
  readonly rendererDir: string;
  /** Where a generated certificate is kept. */
  readonly dataDir: string;
  /** Address to bind; all IPv4 interfaces by default (tests bind a loopback address). */
  readonly bind?: string;
  readonly port?: number;
  /** The addresses to advertise (defaults to the machine's LAN addresses). */
  readonly addresses?: () => readonly string[];
};

export function createLanNetwork(options: LanNetworkOptions, wiring: { readonly gateway: Gateway; readonly hub: EventHub }): RoomNetwork {
  const addresses = options.addresses ?? lanAddresses;
  let listener: Listener | undefined;
  return {
    start: async ({ tls }) => {
      await listener?.close();
      const advertised = [...addresses()];
      if (advertised.length === 0) return { addresses: [], tls: null };
      const material = tls ? await roomCertificate(options.dataDir, advertised) : undefined;
      listener = await startListener({
        kind: 'room',
        bind: options.bind ?? '0.0.0.0',
        port: options.port ?? 0,
        rendererDir: options.rendererDir,
        gateway: wiring.gateway,
        hub: wiring.hub,
        // The addresses as they are now (a laptop may change networks while the room is open) and loopback.
        hosts: () => [...new Set([...addresses(), ...LOOPBACK_HOSTS])],
        maxSockets: ROOM_LIMITS.maxCap * 3,
        ...(material ? { tls: { cert: material.cert, key: material.key } } : {}),
      });
      const base = `${listener.scheme}://`;
      const port = listener.port;
      return { addresses: advertised.map((ip) => `${base}${ip}:${port}/#/join`), tls: material?.info ?? null };
    },
    stop: async () => {
      const current = listener;
      listener = undefined;
      await current?.close();
    },
  };
}
