/**
 * The Platform port when the app runs in a browser (no Electron): there is
 * no native dialog to ask for a path, so saves go to the Downloads folder
 * (or the data folder's `exports/`) and the screen says where; opening files
 * and PDF printing need the desktop app and say so; the presenter view
 * opens as another browser window.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { IpcFailure } from '../ipc/dispatcher';
import type { Platform } from '../platform/platform';

export type WebPlatformOptions = {
  readonly userDataDir: string;
  /** Opens a view of the app (the presenter) in the browser. */
  readonly openView: (hash: string) => Promise<void>;
  readonly home?: string;
};

export function webPlatform(options: WebPlatformOptions): Platform {
  const downloads = join(options.home ?? homedir(), 'Downloads');
  const saveDir = async () => {
    if (existsSync(downloads)) return downloads;
    const exports = join(options.userDataDir, 'exports');
    await mkdir(exports, { recursive: true });
    return exports;
  };
  return {
    chooseOpenPath: async () => {
      throw new IpcFailure('failed', 'Choosing a file on this computer needs the desktop app; this is the browser version, which cannot open a file picker.');
    },
    chooseSavePath: async (_purpose, suggestedName) => freeName(await saveDir(), suggestedName),
    htmlToPdf: async () => {
      throw new IpcFailure('failed', 'PDF export needs the desktop app: export the HTML report and print it to PDF from your browser.');
    },
    openPresenter: (runId) => void options.openView(`#/presenter/${runId}`),
  };
}

/** `name`, or `name (2)`, `name (3)` … so nothing is overwritten. */
function freeName(dir: string, name: string): string {
  const extension = name.endsWith('.vaimrun.json') ? '.vaimrun.json' : extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${extension}`);
    if (!existsSync(candidate)) return candidate;
  }
}
