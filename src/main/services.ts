/**
 * Composition root of the main-side services. Electron's main process and
 * the browser test harness both build the app through this function, so the
 * end-to-end tests exercise the real services.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { AppInfo } from '../shared/app';
import type { EventName, IpcEvents } from '../shared/ipc';
import { ENGINE_VERSION } from '../engine';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { createLibraryHandlers } from './ipc/library-handlers';
import { createRunHandlers } from './ipc/run-handlers';
import { validators } from './ipc/validators';
import { createPackLibrary } from './library/pack-library';
import { createInThreadLoader, createWorkerLoader, runningFromSources } from './packs/worker-loader';
import type { Platform } from './platform/platform';
import { realRunDeps } from './runs/real-deps';
import { createRunStore } from './runs/run-store';
import { createSessionManager, type SessionManager } from './sessions/session-manager';
import type { PromptBroker } from './sessions/unsaved-guard';
import { createSettingsStore } from './settings/settings-store';
import { createEventHub, type EventHub } from './server/event-hub';
import { createGateway, type Gateway } from './server/gateway';
import { createRoomHandlers } from './server/room/room-handlers';
import { createRoomService, type RoomNetwork, type RoomService } from './server/room/room-service';

/** What the shell supplies: where data lives, the platform port and how to reach the views. */
export type ServiceOptions = {
  readonly userDataDir: string;
  readonly bundledPacksDir: string;
  readonly appVersion: string;
  readonly platform: Platform;
  readonly platformName: string;
  /**
   * Pushes every event, unfiltered, to the shell's own views (for shells that do not attach their views to
   * `hub` with a principal; the hub projects events for presenters and participants).
   */
  readonly broadcast?: <E extends EventName>(event: E, payload: IpcEvents[E]) => void;
  /** The LAN side of the room (the shell's network server); without it a room cannot be opened. */
  readonly roomNetwork?: (wiring: { readonly gateway: Gateway; readonly hub: EventHub }) => RoomNetwork;
  readonly log?: (message: string) => void;
  /** Monotonic milliseconds for the run clocks (defaults to performance.now). */
  readonly monotonicNow?: () => number;
  /**
   * The built pack-loading worker (`out/main/pack-worker.js`; the Electron shell passes it). Omitted: from the
   * TypeScript sources the worker runs its .ts entry through tsx; a bundle without it loads in its own thread.
   */
  readonly packWorker?: URL;
  /**
   * Loads packs in this thread even from the sources: for tests about something other than loading, which
   * would otherwise pay the worker's start-up (about a second through tsx) every time they start the app.
   */
  readonly packsInThread?: boolean;
  /** Carries the unsaved-entries question to the views (the Electron shell's has a native-dialog fallback). */
  readonly unsavedPrompts?: PromptBroker;
};

/** The running services. */
export type Services = {
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly sessions: SessionManager;
  /** Every view's events, projected for who watches (attach Electron windows and WebSocket connections here). */
  readonly hub: EventHub;
  /** One dispatcher per connection, by principal (the WebSocket server and the Electron presenter window use it). */
  readonly gateway: Gateway;
  readonly room: RoomService;
  /** Carries the unsaved-entries question (quit, window close) to the views and the answer back. */
  readonly unsavedPrompts: PromptBroker;
  /** Closes the room and every live session (flushing its log) and stops relaying events. */
  readonly dispose: () => Promise<void>;
};

/** userData layout: settings.json, runs/<runId>/…, packs/<packId>/… (see README). */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const runsDir = join(options.userDataDir, 'runs');
  const packsDir = join(options.userDataDir, 'packs');
  await mkdir(runsDir, { recursive: true });
  await mkdir(packsDir, { recursive: true });
  const settings = createSettingsStore(join(options.userDataDir, 'settings.json'));
  // Packs are loaded and validated on a worker thread: a huge or hostile pack never freezes the windows.
  // (A bundle without the worker's script, such as a test's child process, loads in its own thread.)
  const packLoader = options.packsInThread
    ? createInThreadLoader()
    : options.packWorker
      ? createWorkerLoader({ script: options.packWorker })
      : runningFromSources()
        ? createWorkerLoader()
        : createInThreadLoader();
  const library = createPackLibrary({ bundledDir: options.bundledPacksDir, userDir: packsDir, loadPack: packLoader.load });
  // Read the library while the window opens: its first listing then finds the packs loaded (or loading).
  void library.list().catch(() => {});
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
  // The hub, the room, the gateway and the network refer to each other: each is only called once all exist.
  const hub = createEventHub({
    debriefReleased: (runId) => room.debriefReleased(runId),
    participant: (participantId) => room.participant(participantId),
  });
  if (options.broadcast) hub.attach({ principal: () => ({ kind: 'owner' }), send: options.broadcast });
  const room: RoomService = createRoomService({
    sessions,
    network: () => network,
    publish: hub.publish,
    disconnect: (participantId) => {
      for (const sink of hub.sinks((p) => p.kind === 'participant' && p.participantId === participantId)) sink.close?.();
    },
    now: options.monotonicNow ?? (() => performance.now()),
  });
  const runHandlers = createRunHandlers({ sessions, platform: options.platform, broadcast: hub.publish, ...(options.unsavedPrompts ? { unsavedPrompts: options.unsavedPrompts } : {}) });
  const { dispose: stopRelays, unsavedPrompts, ...runChannels } = runHandlers;
  const handlers: Handlers = {
    getAppInfo: () => info,
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      const next = await settings.update(patch);
      hub.publish('settingsChanged', next);
      return next;
    },
    ...createLibraryHandlers(library, options.platform, hub.publish),
    ...runChannels,
    ...createRoomHandlers(room),
  };
  const dispatch = createDispatcher(handlers, validators, options.log);
  const gateway = createGateway({ handlers, dispatch, sessions, room, info, ...(options.log ? { log: options.log } : {}) });
  const network = options.roomNetwork?.({ gateway, hub });
  return {
    handlers,
    sessions,
    hub,
    gateway,
    room,
    unsavedPrompts,
    dispatch,
    dispose: async () => {
      await room.closeAny();
      stopRelays();
      await sessions.closeAll();
      await packLoader.close();
    },
  };
}
