/** A fake monotonic clock and scheduler, and a session manager over a temp run store. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LogFs } from '../../../../src/main/runs/append-fs';
import { createRunStore, type RunStore } from '../../../../src/main/runs/run-store';
import { createSessionManager, type SessionManager } from '../../../../src/main/sessions/session-manager';
import { createPackLibrary } from '../../../../src/main/library/pack-library';
import type { SessionEvent } from '../../../../src/shared/runs';
import { MINIMAL_PACK_DIR, testDeps } from '../../runs/helpers/run-fixtures';

/** Monotonic time and interval timers under the test's control. */
export function fakeTime(start = 10_000) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, () => unknown>();
  const fire = async () => {
    for (const callback of [...timers.values()]) await callback();
  };
  return {
    monotonicNow: () => now,
    scheduler: {
      setInterval: (callback: () => unknown) => {
        const id = nextId++;
        timers.set(id, callback);
        return id;
      },
      clearInterval: (handle: unknown) => {
        timers.delete(handle as number);
      },
    },
    activeTimers: () => timers.size,
    /** Real time passes normally: the timers fire every `step` ms. */
    run: async (ms: number, step = 250) => {
      for (let left = ms; left > 0; left -= step) {
        now += Math.min(step, left);
        await fire();
      }
    },
    /** Time passes with no timer firing (machine asleep, event loop stalled), then one tick. */
    stall: async (ms: number) => {
      now += ms;
      await fire();
    },
    /** Time passes with no tick at all (e.g. before a command). */
    skip: (ms: number) => {
      now += ms;
    },
  };
}

/**
 * The real pack library, its bundled folder holding only a copy of the
 * minimal fixture pack (`minimal-screening`), under `userDataDir`.
 */
export function fixtureLibrary(userDataDir: string) {
  const bundledDir = join(userDataDir, 'scenarios');
  mkdirSync(join(bundledDir, 'minimal'), { recursive: true });
  copyFileSync(join(MINIMAL_PACK_DIR, 'pack.yaml'), join(bundledDir, 'minimal', 'pack.yaml'));
  const library = createPackLibrary({ bundledDir, userDir: join(userDataDir, 'packs') });
  return Object.assign(library, { packId: 'minimal-screening' });
}

/** A manager over a run store in `dir`, with fake time. */
export function makeManager(dir: string, options: { logFs?: LogFs; time?: ReturnType<typeof fakeTime>; store?: RunStore } = {}) {
  const time = options.time ?? fakeTime();
  const store = options.store ?? createRunStore({ runsDir: join(dir, 'runs'), deps: testDeps, ...(options.logFs ? { logFs: options.logFs } : {}) });
  const library = fixtureLibrary(dir);
  let seed = 0.25;
  const manager: SessionManager = createSessionManager({
    store,
    library,
    monotonicNow: time.monotonicNow,
    scheduler: time.scheduler,
    random: () => seed,
    wallNow: () => new Date('2027-05-06T10:00:00.000Z'),
  });
  return { manager, store, time, packId: library.packId, setRandom: (value: number) => (seed = value) };
}

/** Collects the events a listener receives. */
export function recorder() {
  const events: SessionEvent[] = [];
  return { events, listener: (event: SessionEvent) => events.push(event), entries: () => events.flatMap((e) => (e.type === 'entries' ? e.entries : [])) };
}
