/**
 * The real main process for component tests: the app's own services
 * (`createServices`: pack library, run store, run sessions, IPC validation)
 * over a temporary data folder, reached through a DesktopApi that calls the
 * same dispatcher the Electron shell and the browser harness use. The
 * session clock never runs by itself (its monotonic time stands still);
 * tests move scenario time with `advance`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Actor, Command, LogEntry, RunMode, RunState } from '../../src/engine';
import { createServices, type Services } from '../../src/main/services';
import type { Platform } from '../../src/main/platform/platform';
import { CHANNELS, type DesktopApi, type EventName, type IpcEvents } from '../../src/shared/ipc';
import { simMinutes } from '../../src/engine';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/packs');

const live: Array<() => Promise<void>> = [];

/** Closes every real main started by the current test (called after each test). */
export async function disposeRealMains(): Promise<void> {
  for (const dispose of live.splice(0)) await dispose();
}

export type RealMain = Awaited<ReturnType<typeof realMain>>;

/** The flagship pack's folder, for tests that need its clock zone, facilitator guide or role-private injects. */
export const FLAGSHIP = resolve(import.meta.dirname, '../../scenarios/biased-hiring');

/** Starts the services with the given packs bundled (names of folders under test/fixtures/packs, or absolute paths). */
export async function realMain(options: { readonly packs?: readonly string[] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'vaim-renderer-'));
  const bundled = join(userDataDir, 'bundled');
  for (const name of options.packs ?? ['minimal']) {
    const from = name.startsWith('/') ? name : join(FIXTURES, name);
    cpSync(from, join(bundled, from.split('/').at(-1)!), { recursive: true });
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const opened: string[] = [];
  const platform: Platform = {
    chooseOpenPath: async () => null,
    chooseSavePath: async () => null,
    htmlToPdf: async () => new Uint8Array(),
    openPresenter: (runId) => void opened.push(runId),
  };
  const services: Services = await createServices({
    userDataDir,
    bundledPacksDir: bundled,
    appVersion: '0.0.0-test',
    platformName: 'test',
    platform,
    monotonicNow: () => 0,
    packsInThread: true,
    broadcast: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });
  const calls: Array<[string, readonly unknown[]]> = [];
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (...args: unknown[]) => {
        calls.push([channel, args]);
        // A structured clone, as IPC would make: views never share objects with main.
        return services.dispatch(channel, structuredClone(args)).then((response) => structuredClone(response));
      },
    ]),
  ) as unknown as Omit<DesktopApi, 'on'>;
  const on = <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = (payload: unknown) => listener(structuredClone(payload) as IpcEvents[E]);
    set.add(wrapped);
    return () => void set.delete(wrapped);
  };
  const dispose = async () => {
    await services.dispose();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  live.push(dispose);

  /** Creates a run of `packId` and returns helpers bound to it. */
  const createRun = async (mode: RunMode = 'solo', packId = 'minimal-screening', extra: Record<string, unknown> = {}) => {
    const created = await services.sessions.create({ packId, mode, participants: ['Ada'], ...extra });
    if (!created.ok) throw new Error(created.error.message);
    const runId = created.value.header.runId;
    const submit = async (by: Actor, command: Command): Promise<void> => {
      const result = await services.sessions.submit(runId, { by, command });
      if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
    };
    return {
      runId,
      header: created.value.header,
      submit,
      /** Moves scenario time (as the facilitator: the session reserves `system` for its own clock). */
      advance: (to: number) => submit('facilitator', { type: 'clock.advance', to: simMinutes(to) }),
      state: (): RunState => {
        const state = services.sessions.state(runId);
        if (!state) throw new Error(`run ${runId} is not live`);
        return state;
      },
      /** The log main holds for the run. */
      log: async (): Promise<readonly LogEntry[]> => {
        const view = await services.sessions.open(runId);
        if (!view.ok) throw new Error(view.error.message);
        return view.value.entries;
      },
    };
  };

  /** Pushes an event to the views as main would (e.g. a persistence failure a test cannot cause for real). */
  const emit = <E extends EventName>(event: E, payload: IpcEvents[E]) => listeners.get(event)?.forEach((listener) => listener(payload));

  return { api: { ...api, on } as DesktopApi, services, calls, presentersOpened: opened, createRun, emit };
}
