/**
 * The Platform port for the browser harness: dialogs answer from queues the
 * spec fills (as a user would pick files), saves go to a folder the spec
 * reads, PDF is printed by Chromium itself, and the presenter "window" is a
 * second page of the same browser context.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { OpenPurpose, Platform, SavePurpose } from '../../../src/main/platform/platform';

export type TestPlatform = Platform & {
  /** Paths the next open dialogs return, in order (null = the user cancels). */
  readonly openAnswers: Array<string | null>;
  /** Where save dialogs put files (the suggested name inside this folder). */
  saveDir: string;
  readonly opened: OpenPurpose[];
  readonly saved: Array<{ purpose: SavePurpose; path: string }>;
  /** Presenter pages opened so far. */
  readonly presenters: Page[];
};

export function createTestPlatform(options: { readonly saveDir: string; readonly openPage: (hash: string) => Promise<Page>; readonly printPage: () => Promise<Page> }): TestPlatform {
  const platform: TestPlatform = {
    openAnswers: [],
    saveDir: options.saveDir,
    opened: [],
    saved: [],
    presenters: [],
    chooseOpenPath: async (purpose) => {
      platform.opened.push(purpose);
      return platform.openAnswers.length > 0 ? (platform.openAnswers.shift() ?? null) : null;
    },
    chooseSavePath: async (purpose, suggestedName) => {
      const path = join(platform.saveDir, suggestedName);
      platform.saved.push({ purpose, path });
      return path;
    },
    htmlToPdf: async (html) => {
      const page = await options.printPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
      } finally {
        await page.close();
      }
    },
    openPresenter: (runId) => {
      void options.openPage(`#/presenter/${runId}`).then((page) => platform.presenters.push(page));
    },
  };
  return platform;
}
