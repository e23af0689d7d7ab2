/** The window factory's security settings, with electron mocked. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }> = [];

vi.mock('electron', () => {
  class BrowserWindow {
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      created.push({ options, loadURL: this.loadURL });
    }
  }
  return { BrowserWindow };
});

const { createAppWindow } = await import('../../../src/main/electron/windows');

const SECURE = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
};

describe('createAppWindow', () => {
  beforeEach(() => void (created.length = 0));

  it.each(['main', 'presenter'] as const)('isolates and sandboxes the %s window with Node off everywhere, and loads the app URL', (kind) => {
    createAppWindow({ kind, preloadPath: '/p.cjs', rendererUrl: 'app://vaim/index.html', devTools: false, ...(kind === 'presenter' ? { hash: '/presenter/r1' } : {}) });
    const [window] = created;
    expect(window?.options['webPreferences']).toMatchObject({ ...SECURE, preload: '/p.cjs', devTools: false });
    expect(window?.loadURL).toHaveBeenCalledWith(kind === 'main' ? 'app://vaim/index.html' : 'app://vaim/index.html#/presenter/r1');
  });

  it('turns DevTools on only when asked (development and unpackaged builds)', () => {
    createAppWindow({ kind: 'main', preloadPath: '/p.cjs', rendererUrl: 'app://vaim/index.html', devTools: true });
    expect(created[0]?.options['webPreferences']).toMatchObject({ devTools: true });
  });
});
