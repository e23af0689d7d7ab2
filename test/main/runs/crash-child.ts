/**
 * Child process of the crash suite (crash.test.ts). It runs the real
 * services (src/main/services.ts: library, run store, session manager with
 * real timers and the monotonic clock, the IPC dispatcher with its
 * validators), creates a run, starts it and then lets several submitters
 * send commands concurrently while the scenario clock ticks. The parent
 * kills it with SIGKILL at a random moment.
 *
 * It reports on stdout, synchronously (writeSync: a line is in the pipe
 * before the next statement runs, so the parent reads every line written
 * before the kill):
 *   phase <name> [runId]   booting, creating, created <runId>, running, done
 *   ack <LogEntry JSON>    an entry the app acknowledged as saved — in a
 *                          submit result with `saved: true`, or broadcast to
 *                          the views while the run's log was being saved
 * The parent's record of these lines is the independent record of what was
 * acknowledged.
 *
 * Usage: crash-child <userDataDir> <bundledPacksDir> <seed> [submitters]
 */
import { writeSync } from 'node:fs';
import type { Command, LogEntry } from '../../../src/engine/index';
import { headlessPlatform } from '../../../src/main/platform/platform';
import { createServices } from '../../../src/main/services';
import type { SessionEvent, SubmitResult } from '../../../src/shared/runs';
import { testMoveId } from '../../ids';

const [userDataDir, bundledPacksDir, seedText = '1', submittersText = '3'] = process.argv.slice(2);
if (!userDataDir || !bundledPacksDir) throw new Error('usage: crash-child <userDataDir> <bundledPacksDir> <seed> [submitters]');

/** Writes a whole line to stdout before returning (the pipe is non-blocking: a full pipe answers EAGAIN, so retry). */
function say(line: string): void {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EAGAIN') throw error;
    }
  }
}

/** A small seeded PRNG (mulberry32), so a failing trial can be rerun with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(Number(seedText));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const acked = (entries: readonly LogEntry[]) => {
  for (const entry of entries) say(`ack ${JSON.stringify(entry)}`);
};

say('phase booting');
let saving = true;
const services = await createServices({
  userDataDir,
  bundledPacksDir,
  appVersion: 'crash-test',
  platform: headlessPlatform,
  platformName: process.platform,
  broadcast: (event, payload) => {
    if (event !== 'runEvent') return;
    const runEvent = payload as SessionEvent;
    if (runEvent.type === 'persistence') saving = runEvent.persistence.ok;
    // The session announces a persistence change before the entries it concerns.
    if (runEvent.type === 'entries' && saving) acked(runEvent.entries);
  },
});

async function call<T>(channel: string, ...args: unknown[]): Promise<T> {
  const response = await services.dispatch(channel, args);
  if (!response.ok) throw new Error(`${channel}: ${response.error.message}`);
  return response.value as T;
}

say('phase creating');
// 20 scenario minutes per real second: the clock ticks throughout (the 8-hour scenario lasts 24 s).
const { runId } = await call<{ runId: string }>('createRun', { packId: 'minimal-screening', mode: 'facilitated', participants: ['Ana', 'Ben'], compression: 20 });
say(`phase created ${runId}`);
await call('openRun', runId);

async function submit(by: string, command: Command): Promise<void> {
  const result = await call<SubmitResult>('submitCommand', runId, { by, command });
  if (result.ok && result.value.saved) acked(result.value.entries);
}

await submit('facilitator', { type: 'role.assign', role: 'incident-lead', participant: 'Ana' });
await submit('facilitator', { type: 'run.start' });
say('phase running');

const MOVES = ['preserve-evidence', 'suspend-model', 'notify-provider', 'inform-provider'].map(testMoveId);
function nextCommand(): { by: string; command: Command } {
  const roll = random();
  if (roll < 0.55) return { by: 'facilitator', command: { type: 'note.add', text: `note ${Math.floor(random() * 1e6)} ${'é'.repeat(Math.floor(random() * 150))}` } };
  if (roll < 0.8) return { by: 'incident-lead', command: { type: 'severity.classify', level: (1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5 } };
  if (roll < 0.9) return { by: 'facilitator', command: { type: random() < 0.5 ? 'clock.pause' : 'clock.resume' } };
  return { by: pick(['incident-lead', 'technical-lead']), command: { type: 'move.make', move: pick(MOVES) } };
}

/** One submitter: commands one after the other, with small random pauses. */
async function submitter(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { by, command } = nextCommand();
    await submit(by, command);
    if (random() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 3)));
  }
}

await Promise.all(Array.from({ length: Number(submittersText) }, () => submitter(400)));
say('phase done');
await services.dispose();
process.exit(0);
