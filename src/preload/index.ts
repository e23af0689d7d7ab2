/**
 * The preload exposes `window.api`: one function per IPC channel and one
 * event subscription, checked against the shared DesktopApi type. It exposes
 * nothing else (no ipcRenderer, no Node).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, type DesktopApi, type EventName, type IpcEvents } from '../shared/ipc';
import { call } from './bridge-call';

const api = {
  getAppInfo: call('getAppInfo'),
  getSettings: call('getSettings'),
  updateSettings: call('updateSettings'),
  listPacks: call('listPacks'),
  getPack: call('getPack'),
  choosePackSource: call('choosePackSource'),
  importPack: call('importPack'),
  removePack: call('removePack'),
  listRuns: call('listRuns'),
  createRun: call('createRun'),
  openRun: call('openRun'),
  closeRun: call('closeRun'),
  submitCommand: call('submitCommand'),
  deleteRun: call('deleteRun'),
  exportRun: call('exportRun'),
  importRun: call('importRun'),
  exportReport: call('exportReport'),
  openPresenter: call('openPresenter'),
  openRoom: call('openRoom'),
  closeRoom: call('closeRoom'),
  getRoom: call('getRoom'),
  assignRoomRole: call('assignRoomRole'),
  removeParticipant: call('removeParticipant'),
  releaseDebrief: call('releaseDebrief'),
  joinRoom: call('joinRoom'),
  resumeRoom: call('resumeRoom'),
  pickRole: call('pickRole'),
  castVote: call('castVote'),
  answerUnsavedPrompt: call('answerUnsavedPrompt'),
  on: <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_event: unknown, payload: IpcEvents[E]) => listener(payload);
    ipcRenderer.on(`vaim:${event}`, wrapped);
    return () => void ipcRenderer.removeListener(`vaim:${event}`, wrapped);
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
