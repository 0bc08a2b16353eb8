import { BrowserWindow, type BrowserWindowConstructorOptions, type DevicePermissionHandlerHandlerDetails, type Session, type WebContents } from 'electron';
import { APP_INDEX_URL, APP_ORIGIN, isAppUrl } from './app-url.js';
import { contentSecurityPolicy } from './csp.js';
import { allowTelephonyHid } from './hid-permission.js';

export interface MainWindowOptions {
  /** The bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** DevTools for a development build only: a packaged app gives no one a console into the page. */
  devTools: boolean;
  /** Extra connect-src origins for the CSP header (the configured SIP WebSocket servers). */
  connectSources?: readonly string[];
}

/**
 * The window's options. The security settings are spelled out even where they
 * are Electron's defaults so a later edit cannot silently drop one.
 */
export function mainWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Dialdesk',
    // Shown on ready-to-show so the rep never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}

/** Creates the one window, hardened before anything is loaded into it. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, options.devTools));
  hardenSession(window.webContents.session, options.connectSources ?? []);
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    // Usually an unbuilt renderer (`npm run build:renderer`); the window stays blank, so say why.
    console.error(`Dialdesk: could not load ${APP_INDEX_URL}:`, error);
  });
  return window;
}

/**
 * The page never leaves the app: no popups, no navigation, no redirects, no
 * <webview>. Applied to every web contents the app creates (main.ts's
 * `web-contents-created` hook), not just the window's, as Electron's security
 * checklist advises.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const hardened = new WeakSet<Session>();

/**
 * Permissions: only the microphone (calls), only for the app's own page.
 * Camera, notifications, geolocation, etc. are refused. Devices (WebHID,
 * WebUSB, Web Serial): only a telephony HID device (a headset's hook and mute
 * buttons), only for the app's own page. The CSP header is added to every
 * response as a backstop for the page's meta tag.
 */
export function hardenSession(session: Session, connectSources: readonly string[]): void {
  if (hardened.has(session)) return;
  hardened.add(session);

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(permission === 'media' && isAppUrl(details.requestingUrl) && !mediaTypes.includes('video'));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) => {
    const url = details.requestingUrl ?? contents?.getURL();
    // 'hid': WebHID for headset buttons; which devices is allowTelephonyHid's rule.
    return ((permission === 'media' && details.mediaType !== 'video') || permission === 'hid') && isAppUrl(url);
  });
  // WebHID: telephony devices only, for the app's own page (hid-permission.ts; the rule is shared/hid-telephony.ts).
  allowTelephonyHid(session);

  const csp = contentSecurityPolicy(connectSources);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
