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
import { validators } from './ipc/validators';
import { createSettingsStore } from './settings/settings-store';

/** What the shell supplies: where data lives and how to reach the views. */
export type ServiceOptions = {
  readonly userDataDir: string;
  readonly bundledPacksDir: string;
  readonly appVersion: string;
  readonly platform: string;
  /** Pushes an event to every view. */
  readonly broadcast: <E extends EventName>(event: E, payload: IpcEvents[E]) => void;
  readonly log?: (message: string) => void;
};

/** The running services. */
export type Services = {
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly dispose: () => Promise<void>;
};

/** Builds every service and the IPC dispatcher over them. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.userDataDir, { recursive: true });
  const settings = createSettingsStore(join(options.userDataDir, 'settings.json'));
  const info: AppInfo = {
    name: 'V-AIM Command Trainer',
    version: options.appVersion,
    engineVersion: ENGINE_VERSION,
    platform: options.platform,
    dataDirectory: options.userDataDir,
  };
  const handlers: Handlers = {
    getAppInfo: () => info,
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      const next = await settings.update(patch);
      options.broadcast('settingsChanged', next);
      return next;
    },
  };
  return {
    handlers,
    dispatch: createDispatcher(handlers, validators, options.log),
    dispose: async () => {},
  };
}
