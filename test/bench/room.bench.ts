/**
 * The room under load: 30 simulated participants (each from its own loopback
 * address, as phones on a Wi-Fi each have theirs) join one run and all submit
 * their commands at once, over real WebSockets to the real services. Reports
 * accepted commands per second, the p50/p99 latency from a command's send
 * to the moment every participant has its broadcast entry, against the floor
 * of a bare request/answer on the same sockets, and checks that every
 * acknowledged command is in the log on disk. Loopback only; bounded in
 * count (30 × 10 commands) and time (60 s).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLE_IDS } from '../../src/engine/pack/vocabulary';
import type { LogEntry } from '../../src/engine/types';
import { startRoomApp, type Client } from '../main/server/helpers';
import { against, median, quantile, type BenchResult } from './bench-kit';

const PARTICIPANTS = 30;
const COMMANDS_EACH = 10;
const DEADLINE_MS = 60_000;

export async function run(): Promise<BenchResult[]> {
  const app = await startRoomApp({ cap: PARTICIPANTS + 5, allowRolePick: true });
  const deadline = setTimeout(() => {
    console.error('room bench: over its time bound, stopping');
    process.exit(1);
  }, DEADLINE_MS);
  try {
    const clients: Client[] = [];
    const roles: string[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      const client = await app.device(`127.0.0.${10 + i}`);
      const role = ROLE_IDS[i % ROLE_IDS.length]!;
      const joined = await client.call('joinRoom', { code: app.room.code, name: `Participant ${i + 1}`, role });
      if (!joined.ok) throw new Error(`join ${i}: ${joined.error.message}`);
      const opened = await client.call('openRun', app.runId);
      if (!opened.ok) throw new Error(`open ${i}: ${opened.error.message}`);
      clients.push(client);
      roles.push(role);
    }
    // Floor: a request/answer round trip on the same sockets, no command, no broadcast.
    const floors: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await clients[i % clients.length]!.call('getAppInfo');
      floors.push(performance.now() - start);
    }
    // When each participant first saw each seq in a runEvent.
    const seen = clients.map(() => new Map<number, number>());
    // Timestamp frames as they arrive (the client keeps raw text; wrap its array push).
    clients.forEach((client, i) => {
      const push = client.frames.push.bind(client.frames);
      client.frames.push = (...items: string[]) => {
        const now = performance.now();
        for (const text of items) {
          const frame = JSON.parse(text) as { t: string; event?: string; payload?: { type: string; entries?: LogEntry[] } };
          if (frame.t === 'ev' && frame.event === 'runEvent' && frame.payload?.type === 'entries') {
            for (const entry of frame.payload.entries ?? []) if (!seen[i]!.has(entry.seq)) seen[i]!.set(entry.seq, now);
          }
        }
        return push(...items);
      };
    });
    const acked: { seq: number; by: string; command: unknown; sentAt: number }[] = [];
    let refused = 0;
    const started = performance.now();
    await Promise.all(
      clients.map(async (client, i) => {
        const sends = Array.from({ length: COMMANDS_EACH }, (_, k) => {
          const command = k % 2 === 0 ? { type: 'severity.classify', level: ((i + k) % 5) + 1 } : { type: 'r3ai.classify', category: ['reliability', 'resilience', 'responsibility'][(i + k) % 3] };
          const sentAt = performance.now();
          return client.call('submitCommand', app.runId, { by: roles[i], command }).then((response) => {
            const result = response.ok ? (response.value as { ok: boolean; entries?: LogEntry[] }) : undefined;
            // Only what the session acknowledged as saved counts as acknowledged (the disk may be full).
            if (!result?.ok || !(result as { saved?: boolean }).saved) {
              refused += 1;
              return;
            }
            const own = result.entries!.filter((e) => e.by === roles[i]);
            for (const entry of own) acked.push({ seq: entry.seq, by: entry.by, command: entry.command, sentAt });
          });
        });
        await Promise.all(sends);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    // Every acknowledged entry must reach every participant.
    const allSeen = (seq: number) => seen.every((m) => m.has(seq));
    for (let wait = 0; wait < 100 && !acked.every((a) => allSeen(a.seq)); wait++) await new Promise((r) => setTimeout(r, 50));
    const latencies = acked.filter((a) => allSeen(a.seq)).map((a) => Math.max(...seen.map((m) => m.get(a.seq)!)) - a.sentAt);
    // And every acknowledged command is in the log on disk.
    const text = await readFile(join(app.dir, 'data', 'runs', app.runId, 'log.jsonl'), 'utf8');
    const onDisk = new Map(text.trim().split('\n').map((line) => JSON.parse(line) as LogEntry).map((e) => [e.seq, e]));
    const missing = acked.filter((a) => {
      const entry = onDisk.get(a.seq);
      return !entry || entry.by !== a.by || JSON.stringify(entry.command) !== JSON.stringify(a.command);
    }).length;
    const floor = median(floors);
    return [
      { name: `room: accepted commands per second (${PARTICIPANTS} participants × ${COMMANDS_EACH}, all at once; ${refused} refused)`, value: acked.length / elapsed, unit: 'commands/s' },
      against('room: p50 command → broadcast to every participant', quantile(latencies, 0.5), floor),
      against('room: p99 command → broadcast to every participant', quantile(latencies, 0.99), floor),
      { name: `room: acknowledged commands missing from the log (of ${acked.length}; ${latencies.length} reached all ${PARTICIPANTS})`, value: missing, unit: 'entries' },
    ];
  } finally {
    clearTimeout(deadline);
    await app.close();
  }
}
