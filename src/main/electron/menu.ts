/**
 * The application menu of packaged builds: Electron's default menu offers
 * Reload, Force Reload and Toggle Developer Tools (and their shortcuts), which
 * a participant must not reach in a delivered app. This one keeps editing,
 * zoom, full screen and the window items only.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for `platform` (process.platform). */
export function appMenuTemplate(platform: string, appName: string): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const windowMenu: MenuItemConstructorOptions = { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };
  if (mac) {
    const appMenu: MenuItemConstructorOptions = {
      label: appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    };
    return [appMenu, edit, view, windowMenu];
  }
  return [{ label: 'File', submenu: [{ role: 'quit' }] }, edit, view, windowMenu];
}
