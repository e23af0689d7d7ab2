/**
 * The Electron implementation of the Platform port: native open/save
 * dialogs, printing HTML to PDF in a hidden sandboxed window, and the
 * presenter window.
 */
import type { RunId } from '../../engine';
import { BrowserWindow, dialog } from 'electron';
import type { OpenPurpose, Platform, SavePurpose } from '../platform/platform';

const OPEN: Record<OpenPurpose, Electron.OpenDialogOptions> = {
  'pack-folder': { title: 'Import a scenario pack folder', properties: ['openDirectory'] },
  'pack-file': {
    title: 'Import a scenario pack file',
    properties: ['openFile'],
    filters: [{ name: 'Scenario packs', extensions: ['yaml', 'yml', 'json', 'zip'] }],
  },
  'run-file': { title: 'Import a run', properties: ['openFile'], filters: [{ name: 'V-AIM runs', extensions: ['json'] }] },
};

const SAVE_FILTERS: Record<SavePurpose, Electron.FileFilter[]> = {
  'run-file': [{ name: 'V-AIM run', extensions: ['json'] }],
  html: [{ name: 'HTML report', extensions: ['html'] }],
  pdf: [{ name: 'PDF report', extensions: ['pdf'] }],
  md: [{ name: 'Markdown', extensions: ['md'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

/** Builds the platform over Electron; `parent` gives dialogs their owner window. */
export function electronPlatform(options: { readonly parent: () => BrowserWindow | undefined; readonly openPresenter: (runId: RunId) => void }): Platform {
  return {
    chooseOpenPath: async (purpose) => {
      const parent = options.parent();
      const result = parent ? await dialog.showOpenDialog(parent, OPEN[purpose]) : await dialog.showOpenDialog(OPEN[purpose]);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSavePath: async (purpose, suggestedName) => {
      const parent = options.parent();
      const settings: Electron.SaveDialogOptions = { defaultPath: suggestedName, filters: SAVE_FILTERS[purpose] };
      const result = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    htmlToPdf: async (html) => {
      // A hidden, sandboxed window with JavaScript off renders the self-contained report.
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, devTools: false, disableBlinkFeatures: 'Auxclick' },
      });
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
      }
    },
    openPresenter: options.openPresenter,
  };
}
