/** One typed bridge function per IPC channel (see index.ts). */
import { ipcRenderer } from 'electron';
import { wireName, type Channel, type IpcContract, type IpcResponse } from '../shared/ipc';

/**
 * The bridge function of one channel, typed by that channel's contract, so
 * `satisfies DesktopApi` checks each entry's arguments and result, not only
 * its name (`importPack: call('removePack')` fails to compile). The one
 * assertion types what `invoke` returns as `any`: main answers every
 * channel with an IpcResponse (see src/main/ipc/dispatcher.ts).
 */
export const call =
  <C extends Channel>(channel: C) =>
  (...args: IpcContract[C]['args']): Promise<IpcResponse<IpcContract[C]['result']>> =>
    ipcRenderer.invoke(wireName(channel), ...args) as Promise<IpcResponse<IpcContract[C]['result']>>;

