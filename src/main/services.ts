/**
 * Composition root of the main-side services. Electron's main process and
 * the browser test harness both build the app through this function, so the
 * end-to-end tests exercise the real services.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { AppInfo } from '../shared/app';
import type { EventName, IpcEvents } from '../shared/ipc';
import { ENGINE_VERSION } from '../engine/types';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { createLibraryHandlers } from './ipc/library-handlers';
import { createRunHandlers } from './ipc/run-handlers';
import { validators } from './ipc/validators';
import { createPackLibrary } from './library/pack-library';
import type { Platform } from './platform/platform';
import { realRunDeps } from './runs/real-deps';
import { createRunStore } from './runs/run-store';
import { createSessionManager, type SessionManager } from './sessions/session-manager';
import type { PromptBroker } from './sessions/unsaved-guard';
import { createSettingsStore } from './settings/settings-store';

/** What the shell supplies: where data lives, the platform port and how to reach the views. */
export type ServiceOptions = {
  readonly userDataDir: string;
  readonly bundledPacksDir: string;
  readonly appVersion: string;
  readonly platform: Platform;
  readonly platformName: string;
  /** Pushes an event to every view. */
  readonly broadcast: <E extends EventName>(event: E, payload: IpcEvents[E]) => void;
  readonly log?: (message: string) => void;
  /** Monotonic milliseconds for the run clocks (defaults to performance.now). */
  readonly monotonicNow?: () => number;
  /** Carries the unsaved-entries question to the views (the Electron shell's has a native-dialog fallback). */
  readonly unsavedPrompts?: PromptBroker;
};

/** The running services. */
export type Services = {
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly sessions: SessionManager;
  /** Carries the unsaved-entries question (quit, window close) to the views and the answer back. */
  readonly unsavedPrompts: PromptBroker;
  /** Closes every live session (flushing its log) and stops relaying events. */
  readonly dispose: () => Promise<void>;
};

/** userData layout: settings.json, runs/<runId>/…, packs/<packId>/… (see README). */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const runsDir = join(options.userDataDir, 'runs');
  const packsDir = join(options.userDataDir, 'packs');
  await mkdir(runsDir, { recursive: true });
  await mkdir(packsDir, { recursive: true });
  const settings = createSettingsStore(join(options.userDataDir, 'settings.json'));
  const library = createPackLibrary({ bundledDir: options.bundledPacksDir, userDir: packsDir });
  const store = createRunStore({ runsDir, deps: realRunDeps });
  const sessions = createSessionManager({
    store,
    library,
    monotonicNow: options.monotonicNow ?? (() => performance.now()),
    scheduler: {
      setInterval: (callback, ms) => setInterval(() => void callback(), ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    },
  });
  const info: AppInfo = {
    name: 'V-AIM Command Trainer',
    version: options.appVersion,
    engineVersion: ENGINE_VERSION,
    platform: options.platformName,
    dataDirectory: options.userDataDir,
  };
  const runHandlers = createRunHandlers({ sessions, platform: options.platform, broadcast: options.broadcast, ...(options.unsavedPrompts ? { unsavedPrompts: options.unsavedPrompts } : {}) });
  const { dispose: stopRelays, unsavedPrompts, ...runChannels } = runHandlers;
  const handlers: Handlers = {
    getAppInfo: () => info,
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      const next = await settings.update(patch);
      options.broadcast('settingsChanged', next);
      return next;
    },
    ...createLibraryHandlers(library, options.platform),
    ...runChannels,
  };
  return {
    handlers,
    sessions,
    unsavedPrompts,
    dispatch: createDispatcher(handlers, validators, options.log),
    dispose: async () => {
      stopRelays();
      await sessions.closeAll();
    },
  };
}
