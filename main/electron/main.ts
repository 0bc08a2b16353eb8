import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, globalShortcut, Menu, nativeImage, Tray } from 'electron';
import type { Core } from '../core/core.js';
import { createCoreHost } from '../core/core-host.js';
import { appTitle } from '../../shared/app-title.js';
import { DataDirError, usePrivateUmask } from '../core/store/private-data-dir.js';
import { ELECTRON_READY_LINE } from '../launch/electron-binary.js';
import { installAppMenu } from './app-menu.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { contentSecurityPolicy } from './csp.js';
import { dataDirOverride } from './data-dir.js';
import { debugSwitchIn } from './debug-switches.js';
import { createElectronSettings } from './electron-settings.js';
import { forwardEvents, registerCallHandler } from './ipc.js';
import { showOsNotifications } from './os-notifications.js';
import { createSafeStorageSecrets } from './safe-storage-secrets.js';
import { routeDialLinks } from './dial-links.js';
import { installDesk } from './desk.js';
import { createMainWindow, hardenWebContents } from './window.js';

// This file is bundled to dist/electron/main.cjs next to preload.cjs; the renderer is built to
// dist/renderer and served from app://dialdesk (app-protocol.ts).
const preloadPath = join(__dirname, 'preload.cjs');
const rendererDir = join(__dirname, '..', 'renderer');

// Every file and folder Dialdesk creates is the rep's alone (0600/0700); the core tightens older ones on open.
usePrivateUmask();
const override = dataDirOverride(process.argv, process.env);
// Before anything else: userData also holds Chromium's profile and the single-instance lock,
// so a second data dir is a fully separate instance.
if (override) app.setPath('userData', resolve(override));
app.enableSandbox();
app.setAppUserModelId('com.dialdesk.app');
registerAppScheme();
// Every web contents, not only the window's: a <webview>, a devtools page or a popup that slipped through.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

// A packaged app never runs with a debugger port open onto it (development builds may).
const debugSwitch = app.isPackaged ? debugSwitchIn([...process.argv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]) : null;
if (debugSwitch) {
  console.error(`Dialdesk: refusing to start with ${debugSwitch}: a debugger could read every lead and the SIP password.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Another Dialdesk owns this data dir; it focuses its window (second-instance below).
  app.quit();
} else {
  run();
}

function run(): void {
  // Registered before ready: macOS sends the link that launched the app as open-url early.
  const dialLinks = routeDialLinks(app, process.argv, process.execPath);
  let core: Core | null = null;
  let window: BrowserWindow | null = null;
  let stopCalls: (() => void) | null = null;
  let stopDesk: (() => void) | null = null;
  let closing = false;
  let closed = false;

  const openWindow = (started: Core): BrowserWindow => {
    const created = createMainWindow({ preloadPath, devTools: !app.isPackaged });
    forwardEvents(started.events, created);
    created.on('closed', () => {
      if (window === created) window = null;
    });
    return created;
  };

  // macOS: a clicked link brings the app forward (opening a window if the rep had closed it); the page takes the link.
  app.on('open-url', () => {
    if (!window && core) window = openWindow(core);
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && !window) window = openWindow(core);
  });

  // The core flushes its store on close; quitting waits for it once.
  app.on('before-quit', (event) => {
    if (!core || closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    stopCalls?.();
    stopDesk?.();
    core
      .close()
      .catch((error: unknown) => console.error('Dialdesk: closing the core failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      serveRenderer(rendererDir, contentSecurityPolicy());
      const dataDir = app.getPath('userData');
      const started = await createCoreHost({
        dataDir,
        settings: createElectronSettings,
        secrets: createSafeStorageSecrets(join(dataDir, 'secrets.bin')),
        appVersion: app.getVersion(),
        log: (message) => console.log(`Dialdesk: ${message}`),
      });
      core = started;
      installAppMenu(() => window);
      showOsNotifications(started.events, () => window);
      stopCalls = registerCallHandler({
        dispatch: started.dispatch,
        isAppContents: (contents) => window !== null && !window.isDestroyed() && contents === window.webContents,
        onRefused: (reason) => console.warn(`Dialdesk: refused a call: ${reason}`),
      });
      window = openWindow(started);
      // Practice is labelled in the window's own title too (the page sets document.title the same way).
      started.events.subscribe((event) => {
        if (event.type === 'practice.changed' && window && !window.isDestroyed()) window.setTitle(appTitle(event.practice));
      });
      // A link opens the lead in the page (which asks for it on load); it never dials.
      dialLinks.attach((url) => started.deliverDialLink(url));
      // Global keys (off until the rep turns them on) and the tray with the line's state.
      stopDesk = await installDesk({ globalShortcut, Tray, Menu, nativeImage }, started, {
        open: () => {
          if (!window) window = openWindow(started);
          if (window.isMinimized()) window.restore();
          window.show();
          window.focus();
        },
        quit: () => app.quit(),
      }).catch((error: unknown) => {
        // A desktop without a tray (some Linux sessions) still gets the app.
        console.warn('Dialdesk: the tray or global keys could not be set up', error);
        return null;
      });
      // `npm start` (main/launch) waits for this line to tell a launched app from one that failed to start.
      console.log(ELECTRON_READY_LINE);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Dialdesk could not start', error instanceof Error ? error.message : String(error));
      app.exit(error instanceof DataDirError ? 2 : 1);
    });
}
