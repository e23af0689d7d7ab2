/**
 * The one typed map of every IPC channel, shared by main, preload and the
 * renderer. Each channel is a request/response call (`ipcRenderer.invoke`)
 * whose arguments main validates at runtime (src/main/ipc/validators.ts);
 * `events` are pushed from main to the renderer.
 */
import type { AppInfo, Settings } from './app';
import type { LibraryEntry, PackImportOptions, PackImportResult, PackRemoveResult } from './library';
import type { LoadedPack } from './packs';
import type { CreateRunRequest, ImportedRun, RunSummary, SessionEvent, SessionView, SubmitRequest, SubmitResult, UnsavedChoice, UnsavedPrompt } from './runs';

/** Formats a run's report can be exported to. */
export const REPORT_FORMATS = ['html', 'pdf', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where a pack import comes from: a folder, or a single file (.yaml, .yml, .json or .zip). */
export type PackSourceKind = 'folder' | 'file';

/** Request/response channels: method name → argument tuple and result. */
export type IpcContract = {
  getAppInfo: { args: []; result: AppInfo };
  getSettings: { args: []; result: Settings };
  updateSettings: { args: [patch: Partial<Settings>]; result: Settings };
  // Pack library
  listPacks: { args: []; result: readonly LibraryEntry[] };
  getPack: { args: [packId: string]; result: LoadedPack };
  /** Asks the user for a pack folder or file (a native dialog); null when cancelled. */
  choosePackSource: { args: [kind: PackSourceKind]; result: string | null };
  importPack: { args: [path: string, options: PackImportOptions]; result: PackImportResult };
  removePack: { args: [packId: string]; result: PackRemoveResult };
  // Runs and history
  listRuns: { args: []; result: readonly RunSummary[] };
  createRun: { args: [request: CreateRunRequest]; result: { readonly runId: string } };
  /** Opens (or resumes) a run in a live session; its events then reach every view as `runEvent`. */
  openRun: { args: [runId: string]; result: SessionView };
  /**
   * Closes a live session (the run stays on disk and can be resumed). Refused
   * while entries are unsaved (after one more try to save them), unless
   * `discardUnsaved` — the person chose to.
   */
  closeRun: { args: [runId: string, options?: { readonly discardUnsaved?: boolean }]; result: null };
  submitCommand: { args: [runId: string, request: SubmitRequest]; result: SubmitResult };
  deleteRun: { args: [runId: string]; result: null };
  /** Saves the run as one portable file (a save dialog); the path, or null when cancelled. */
  exportRun: { args: [runId: string]; result: string | null };
  /** Imports a run file chosen in an open dialog; null when cancelled. */
  importRun: { args: []; result: ImportedRun | null };
  /** Saves the after-action report (a save dialog); the path, or null when cancelled. */
  exportReport: { args: [runId: string, format: ReportFormat]; result: string | null };
  /** Opens the presenter window (projector view without the answer key) on a run. */
  openPresenter: { args: [runId: string]; result: null };
  /** The person's answer to an `unsavedPrompt` (quitting or closing the window with unsaved entries). */
  answerUnsavedPrompt: { args: [promptId: string, choice: UnsavedChoice]; result: null };
};

/** A channel name (also the DesktopApi method name). */
export type Channel = keyof IpcContract;

/** Every channel, for registration loops and tests. */
export const CHANNELS = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'listPacks',
  'getPack',
  'choosePackSource',
  'importPack',
  'removePack',
  'listRuns',
  'createRun',
  'openRun',
  'closeRun',
  'submitCommand',
  'deleteRun',
  'exportRun',
  'importRun',
  'exportReport',
  'openPresenter',
  'answerUnsavedPrompt',
] as const satisfies readonly Channel[];

// Compile-time check that CHANNELS lists every channel exactly.
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
export const CHANNELS_COMPLETE: MissingChannels extends never ? true : MissingChannels = true;

/** The wire name of a channel (namespaced so no other listener collides). */
export const wireName = (channel: Channel): string => `vaim:${channel}`;

/** The error half of every response. `code` is stable, `message` is for people. */
export type IpcError = { readonly code: IpcErrorCode; readonly message: string };
export type IpcErrorCode = 'untrusted-sender' | 'invalid-arguments' | 'not-found' | 'failed' | 'rejected' | 'cancelled';

/** Every response: a value or an error; main never throws across IPC. */
export type IpcResponse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** Events main pushes to the renderer (ipcRenderer.on). */
export type IpcEvents = {
  settingsChanged: Settings;
  /** Everything that happens in a live run, for every view (each view filters by runId). */
  runEvent: SessionEvent;
  /** Quitting or closing the window with unsaved entries: the view asks the person and answers with `answerUnsavedPrompt`. */
  unsavedPrompt: UnsavedPrompt;
};
export type EventName = keyof IpcEvents;
export const EVENT_NAMES = ['settingsChanged', 'runEvent', 'unsavedPrompt'] as const satisfies readonly EventName[];

/** The API the preload exposes as `window.api`: one function per channel plus one subscription per event. */
export type DesktopApi = {
  readonly [C in Channel]: (...args: IpcContract[C]['args']) => Promise<IpcResponse<IpcContract[C]['result']>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => () => void;
};
