/**
 * What the services need from the platform shell, behind one typed
 * interface: native dialogs, HTML → PDF, and extra windows. Electron
 * implements it in src/main/electron/platform.ts; the browser test harness
 * implements it with fakes and Playwright.
 */
import type { RunId } from '../../engine';
import type { ReportFormat } from '../../shared/ipc';

/** What a file dialog is for (sets its title and file filters). */
export type OpenPurpose = 'pack-folder' | 'pack-file' | 'run-file';
export type SavePurpose = 'run-file' | ReportFormat;

export type Platform = {
  /** Asks for a path to open; null when the user cancels. */
  readonly chooseOpenPath: (purpose: OpenPurpose) => Promise<string | null>;
  /** Asks for a path to save to, suggesting a file name; null when the user cancels. */
  readonly chooseSavePath: (purpose: SavePurpose, suggestedName: string) => Promise<string | null>;
  /** Prints a self-contained HTML document to an A4 PDF. */
  readonly htmlToPdf: (html: string) => Promise<Uint8Array>;
  /** Opens the presenter window on a run. */
  readonly openPresenter: (runId: RunId) => void;
};

/** A platform that can do nothing interactive (CLI, unit tests): dialogs cancel, PDF is unavailable. */
export const headlessPlatform: Platform = {
  chooseOpenPath: async () => null,
  chooseSavePath: async () => null,
  htmlToPdf: async () => {
    throw new Error('PDF export needs the desktop app');
  },
  openPresenter: () => {
    throw new Error('The presenter window needs the desktop app');
  },
};
