/**
 * The room under load: 30 simulated participants (each from its own loopback
 * address, as phones on a Wi-Fi each have theirs) join one run and all submit
 * their commands at once, over real WebSockets to the real services. Reports
 * accepted commands per second, the p50/p99 latency from a command's send
 * to the moment every participant has its broadcast entry — in the burst
 * (queueing behind each other's disk flushes) and paced like a lively room —
 * against the floor of a bare request/answer on the same sockets, and checks
 * that every acknowledged command is in the log on disk. Loopback only;
 * bounded in count (30 × 10 + 30 × 4 commands) and time (60 s).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLE_IDS } from '../../src/engine/pack/vocabulary';
import type { LogEntry } from '../../src/engine/types';
import { startRoomApp, type Client } from '../main/server/helpers';
import { against, median, quantile, type BenchResult } from './bench-kit';

const PARTICIPANTS = 30;
const COMMANDS_EACH = 10;
const PACED_EACH = 4;
const PACE_MS = 2000;
const DEADLINE_MS = 60_000;

type Acked = { seq: number; by: string; command: unknown; sentAt: number; phase: 'burst' | 'paced' };

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
    const acked: Acked[] = [];
    let refused = 0;
    /** One participant's command; `k` varies it (classifications are accepted again and again). */
    const submit = (i: number, k: number, phase: Acked['phase']) => {
      const command = k % 2 === 0 ? { type: 'severity.classify', level: ((i + k) % 5) + 1 } : { type: 'r3ai.classify', category: ['reliability', 'resilience', 'responsibility'][(i + k) % 3] };
      const sentAt = performance.now();
      return clients[i]!.call('submitCommand', app.runId, { by: roles[i], command }).then((response) => {
        const result = response.ok ? (response.value as { ok: boolean; saved?: boolean; entries?: LogEntry[] }) : undefined;
        // Only what the session acknowledged as saved counts as acknowledged (the disk may be full).
        if (!result?.ok || !result.saved) {
          refused += 1;
          return;
        }
        for (const entry of result.entries!.filter((e) => e.by === roles[i])) acked.push({ seq: entry.seq, by: entry.by, command: entry.command, sentAt, phase });
      });
    };
    // Burst: everyone taps at once, each as many times as their command limit allows.
    const started = performance.now();
    await Promise.all(clients.flatMap((_, i) => Array.from({ length: COMMANDS_EACH }, (_, k) => submit(i, k, 'burst'))));
    const elapsed = (performance.now() - started) / 1000;
    // Paced: each participant sends one command every ~2 s (a lively room), the 30 spread evenly.
    await new Promise((r) => setTimeout(r, 3000));
    await Promise.all(
      clients.map(async (_, i) => {
        await new Promise((r) => setTimeout(r, (i * PACE_MS) / PARTICIPANTS));
        for (let k = 0; k < PACED_EACH; k++) {
          await submit(i, COMMANDS_EACH + k, 'paced');
          await new Promise((r) => setTimeout(r, PACE_MS));
        }
      }),
    );
    // Every acknowledged entry must reach every participant.
    const allSeen = (seq: number) => seen.every((m) => m.has(seq));
    for (let wait = 0; wait < 100 && !acked.every((a) => allSeen(a.seq)); wait++) await new Promise((r) => setTimeout(r, 50));
    const latency = (phase: Acked['phase']) => acked.filter((a) => a.phase === phase && allSeen(a.seq)).map((a) => Math.max(...seen.map((m) => m.get(a.seq)!)) - a.sentAt);
    const reached = acked.filter((a) => allSeen(a.seq)).length;
    // And every acknowledged command is in the log on disk.
    const text = await readFile(join(app.dir, 'data', 'runs', app.runId, 'log.jsonl'), 'utf8');
    const onDisk = new Map(text.trim().split('\n').map((line) => JSON.parse(line) as LogEntry).map((e) => [e.seq, e]));
    const missing = acked.filter((a) => {
      const entry = onDisk.get(a.seq);
      return !entry || entry.by !== a.by || JSON.stringify(entry.command) !== JSON.stringify(a.command);
    }).length;
    const floor = median(floors);
    const burst = latency('burst');
    const paced = latency('paced');
    return [
      { name: `room: accepted commands per second (${PARTICIPANTS} participants × ${COMMANDS_EACH}, all at once; ${refused} refused)`, value: acked.filter((a) => a.phase === 'burst').length / elapsed, unit: 'commands/s' },
      against('room: p50 command → broadcast to every participant, burst', quantile(burst, 0.5), floor),
      against('room: p99 command → broadcast to every participant, burst', quantile(burst, 0.99), floor),
      against(`room: p50 command → broadcast to every participant, paced (1 per ${PACE_MS / 1000} s each)`, quantile(paced, 0.5), floor),
      against(`room: p99 command → broadcast to every participant, paced (1 per ${PACE_MS / 1000} s each)`, quantile(paced, 0.99), floor),
      { name: `room: acknowledged commands missing from the log (of ${acked.length}; ${reached} reached all ${PARTICIPANTS})`, value: missing, unit: 'entries' },
    ];
  } finally {
    clearTimeout(deadline);
    await app.close();
  }
}
