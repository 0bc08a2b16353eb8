import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { APP_COMMANDS, type AppCommandId, type DialdeskEvent } from '../../shared/contract/index.js';
import { EVENT_CHANNEL } from './channels.js';

/**
 * The application menu: the standard roles every desktop app has (without an
 * Edit menu, copy and paste do not work on macOS; Quit, Hide, Window) and the
 * app's own commands with their shortcuts, sent to the page to run. DevTools
 * only in development.
 */
export function appMenuTemplate(options: {
  platform: NodeJS.Platform;
  packaged: boolean;
  run: (command: AppCommandId) => void;
}): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const commands = (menu: string): MenuItemConstructorOptions[] =>
    APP_COMMANDS.filter((command) => command.menu === menu).map((command) => ({
      id: command.id,
      label: command.label,
      accelerator: command.accelerator,
      click: () => options.run(command.id),
    }));
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(options.packaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: '&File', submenu: [...commands('file'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: '&Go', submenu: commands('go') },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: commands('help') },
  ];
}

/** Installs the menu; a command goes to the main window's page, if one is open. */
export function installAppMenu(mainWindow: () => BrowserWindow | null): void {
  const template = appMenuTemplate({
    platform: process.platform,
    packaged: app.isPackaged,
    run: (command) => {
      const window = mainWindow();
      if (!window || window.isDestroyed()) return;
      const event: DialdeskEvent = { type: 'app.command', command };
      window.webContents.send(EVENT_CHANNEL, event);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
