/** Packaged builds' menu: no reload, force reload or developer tools anywhere (nor their shortcuts). */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../src/main/electron/menu';

const roles = (items: readonly MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('the packaged application menu', () => {
  it.each(['darwin', 'win32', 'linux'])('on %s has editing, zoom and quit, and no reload or DevTools', (platform) => {
    const found = roles(appMenuTemplate(platform, 'V-AIM Command Trainer'));
    for (const role of ['copy', 'paste', 'selectAll', 'zoomIn', 'resetZoom', 'togglefullscreen', 'quit']) expect(found).toContain(role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'appMenu', 'fileMenu']) expect(found).not.toContain(role);
    const accelerators = JSON.stringify(appMenuTemplate(platform, 'x'));
    expect(accelerators).not.toMatch(/accelerator|F12|Shift\+I/i);
  });
});
