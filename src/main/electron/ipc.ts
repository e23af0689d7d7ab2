/**
 * The only place that touches `ipcMain`. Every call is checked to come from
 * one of our own windows' top frame at the app's own URL before its
 * arguments are validated and dispatched.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, wireName, type IpcResponse } from '../../shared/ipc';
import type { Dispatch } from '../ipc/dispatcher';

/** Decides whether an IPC event comes from a view we trust. */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/**
 * A sender check that trusts only the listed webContents, only their top
 * frame, and only while it shows a page under `appUrlPrefix`.
 */
export function trustedSenders(appUrlPrefix: string, trustedIds: () => ReadonlySet<number>): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!trustedIds().has(event.sender.id)) return false;
    return typeof frame.url === 'string' && frame.url.startsWith(appUrlPrefix);
  };
}

const UNTRUSTED: IpcResponse<never> = {
  ok: false,
  error: { code: 'untrusted-sender', message: 'This request did not come from the app window.' },
};

/**
 * Registers one `ipcMain.handle` per channel; returns a function that removes them. `dispatchFor` picks the
 * dispatcher of the sending window (the presenter window's only reads a projected run).
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatchFor: (senderId: number) => Dispatch, isTrusted: SenderCheck): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(wireName(channel), (event, ...args: unknown[]) => (isTrusted(event) ? dispatchFor(event.sender.id)(channel, args) : UNTRUSTED));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(wireName(channel));
  };
}
