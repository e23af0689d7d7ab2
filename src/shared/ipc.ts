/**
 * The one typed map of every IPC channel, shared by main, preload and the
 * renderer. Each channel is a request/response call (`ipcRenderer.invoke`)
 * whose arguments main validates at runtime (src/main/ipc/validators.ts);
 * `events` are pushed from main to the renderer.
 */
import type { PackId } from '../engine';
import type { DecisionId, OptionId, RunId } from '../engine';
import type { AppInfo, Settings } from './app';
import type { LibraryEntry, PackImportOptions, PackImportProgress, PackImportResult, PackRemoveResult, PackSourceChoice } from './library';
import type { LoadedPack } from './packs';
import type { Result, RoleId } from '../engine';
import type { JoinRequest, JoinResult, ParticipantSelf, RoomOptions, RoomStatus } from './room';
import type { CreateRunRequest, ImportedRun, RunSummary, SessionEvent, SessionView, SubmitRequest, SubmitResult, UnsavedChoice, UnsavedPrompt } from './runs';

/** Formats a run's report can be exported to. */
export const REPORT_FORMATS = ['html', 'pdf', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Who a report is for. */
export const REPORT_AUDIENCES = ['facilitator', 'participants'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

/** Where a pack import comes from: a folder, or a single file (.yaml, .yml, .json or .zip). */
export type PackSourceKind = 'folder' | 'file';

/** Request/response channels: method name → argument tuple and result. */
export type IpcContract = {
  getAppInfo: { args: []; result: AppInfo };
  getSettings: { args: []; result: Settings };
  updateSettings: { args: [patch: Partial<Settings>]; result: Settings };
  // Pack library
  listPacks: { args: []; result: readonly LibraryEntry[] };
  getPack: { args: [packId: PackId]; result: LoadedPack };
  /** Asks the user for a pack folder or file (a native dialog): a handle to import it by; null when cancelled. */
  choosePackSource: { args: [kind: PackSourceKind]; result: PackSourceChoice | null };
  /** Imports the pack picked by `choosePackSource` (progress arrives as `packImportProgress`). */
  importPack: { args: [handle: string, options: PackImportOptions]; result: PackImportResult };
  removePack: { args: [packId: PackId]; result: PackRemoveResult };
  // Runs and history
  listRuns: { args: []; result: readonly RunSummary[] };
  createRun: { args: [request: CreateRunRequest]; result: { readonly runId: RunId } };
  /** Opens (or resumes) a run in a live session; its events then reach every view as `runEvent`. */
  openRun: { args: [runId: RunId]; result: SessionView };
  /**
   * Closes a live session (the run stays on disk and can be resumed). Refused
   * while entries are unsaved (after one more try to save them), unless
   * `discardUnsaved` — the person chose to.
   */
  closeRun: { args: [runId: RunId, options?: { readonly discardUnsaved?: boolean }]; result: null };
  submitCommand: { args: [runId: RunId, request: SubmitRequest]; result: SubmitResult };
  deleteRun: { args: [runId: RunId]; result: null };
  /** Saves the run as one portable file (a save dialog); the path, or null when cancelled. */
  exportRun: { args: [runId: RunId]; result: string | null };
  /** Imports a run file chosen in an open dialog; null when cancelled. */
  importRun: { args: []; result: ImportedRun | null };
  /** Saves the after-action report (a save dialog); the path, or null when cancelled. */
  /** `audience`: the facilitator's copy (with the pack's facilitator notes) or the participants' (none). */
  exportReport: { args: [runId: RunId, format: ReportFormat, audience?: ReportAudience]; result: string | null };
  /** Opens the presenter window (projector view without the answer key) on a run. */
  openPresenter: { args: [runId: RunId]; result: null };
  // The room (facilitator side): participants on their own devices
  /** Opens a facilitated run to the room: listens on the LAN too, with a fresh join code. */
  openRoom: { args: [runId: RunId, options: RoomOptions]; result: RoomStatus };
  /** Closes the room: LAN access stops and every participant is disconnected. */
  closeRoom: { args: [runId: RunId]; result: RoomStatus };
  getRoom: { args: [runId: RunId]; result: RoomStatus };
  /** Gives a participant a command role (null takes it away). */
  assignRoomRole: { args: [runId: RunId, participantId: string, role: RoleId | null]; result: RoomStatus };
  removeParticipant: { args: [runId: RunId, participantId: string]; result: RoomStatus };
  /** Lets participants and the presenter see the debrief (the reference and rationales, never the facilitator's notes). */
  releaseDebrief: { args: [runId: RunId]; result: RoomStatus };
  // The room (participant side, over the room's WebSocket only)
  joinRoom: { args: [request: JoinRequest]; result: JoinResult };
  /** Rejoins with the token a join returned (after a reload or a lost connection). */
  resumeRoom: { args: [token: string]; result: JoinResult };
  /** Picks a command role, where the facilitator allows it. */
  pickRole: { args: [role: RoleId]; result: ParticipantSelf };
  /** Votes on an open decision that is asked to another role (advisory: the facilitator sees the tally). */
  castVote: { args: [runId: RunId, decisionId: DecisionId, options: OptionId[]]; result: null };
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
  'openRoom',
  'closeRoom',
  'getRoom',
  'assignRoomRole',
  'removeParticipant',
  'releaseDebrief',
  'joinRoom',
  'resumeRoom',
  'pickRole',
  'castVote',
  'answerUnsavedPrompt',
] as const satisfies readonly Channel[];

// Compile-time check that CHANNELS lists every channel exactly.
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
export const CHANNELS_COMPLETE: MissingChannels extends never ? true : MissingChannels = true;

/** The wire name of a channel (namespaced so no other listener collides). */
export const wireName = (channel: Channel): string => `vaim:${channel}`;

/** The error half of every response. `code` is stable, `message` is for people. */
export type IpcError = { readonly code: IpcErrorCode; readonly message: string };
export type IpcErrorCode =
  | 'untrusted-sender'
  | 'invalid-arguments'
  | 'not-found'
  | 'failed'
  | 'rejected'
  | 'cancelled'
  /** The caller may not use this channel (a participant asking for a facilitator's channel, …). */
  | 'forbidden'
  /** Too many requests or join attempts: wait and try again. */
  | 'rate-limited';

/** Every response: a value or an error; main never throws across IPC. */
export type IpcResponse<T> = Result<T, IpcError>;

/** Events main pushes to the renderer (ipcRenderer.on). */
export type IpcEvents = {
  settingsChanged: Settings;
  /** Everything that happens in a live run, for every view (each view filters by runId). */
  runEvent: SessionEvent;
  /** How far a pack import has got. */
  packImportProgress: PackImportProgress;
  /** Quitting or closing the window with unsaved entries: the view asks the person and answers with `answerUnsavedPrompt`. */
  unsavedPrompt: UnsavedPrompt;
  /** The room of a run changed (participants, votes, open or closed): facilitator views only. */
  roomStatus: RoomStatus;
  /** A participant's own standing changed (role given, room closed, debrief released): that participant only. */
  roomSelf: ParticipantSelf;
  /**
   * The WebSocket transport lost or regained its connection to main (emitted by the transport itself;
   * Electron's IPC never drops, so it never emits it). After `connected: true` views reload what they follow.
   */
  connection: { readonly connected: boolean; readonly message?: string };
};
export type EventName = keyof IpcEvents;
export const EVENT_NAMES = ['settingsChanged', 'runEvent', 'packImportProgress', 'unsavedPrompt', 'roomStatus', 'roomSelf', 'connection'] as const satisfies readonly EventName[];

/** The API the preload exposes as `window.api`: one function per channel plus one subscription per event. */
export type DesktopApi = {
  readonly [C in Channel]: (...args: IpcContract[C]['args']) => Promise<IpcResponse<IpcContract[C]['result']>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => () => void;
};
