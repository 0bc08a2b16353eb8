import { pathToFileURL } from 'node:url';
import * as electron from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL } from '../../../main/electron/app-url.js';
import type { FakeBrowserWindow, FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).createFakeElectron());

const { createMainWindow, mainWindowOptions } = await import('../../../main/electron/window.js');
const fake = electron as unknown as FakeElectron;

const preloadPath = '/opt/Dialdesk/resources/app/dist/electron/preload.cjs';
const appUrl = `${APP_INDEX_URL}#/leads`;

let window: FakeBrowserWindow;
beforeAll(() => {
  window = createMainWindow({ preloadPath, devTools: false, connectSources: ['wss://sip.example.com'] }) as unknown as FakeBrowserWindow;
});

const session = () => window.webContents.session;

function requestPermission(permission: string, details: Record<string, unknown>): boolean {
  let granted: boolean | undefined;
  session().permissionRequestHandler!(window.webContents, permission, (answer: boolean) => (granted = answer), {
    isMainFrame: true,
    ...details,
  });
  if (granted === undefined) throw new Error('permission handler never answered');
  return granted;
}

describe('main window', () => {
  it('has the security defaults and our preload', () => {
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(mainWindowOptions(preloadPath, false).webPreferences).toEqual(prefs);
    expect(mainWindowOptions(preloadPath, true).webPreferences?.devTools).toBe(true);
  });

  it('loads the renderer from the app:// origin, not from a file', () => {
    expect(window.loadedUrl).toBe('app://dialdesk/index.html');
    expect(window.loadedFile).toBeNull();
  });

  it('is shown once ready, not before', () => {
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('denies window.open', () => {
    expect(window.webContents.windowOpenHandler!({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler!({ url: appUrl })).toEqual({ action: 'deny' });
  });

  it('prevents navigation, redirects and <webview>', () => {
    expect(window.webContents.fire('will-navigate', { url: 'https://evil.example' }).defaultPrevented).toBe(true);
    expect(window.webContents.fire('will-navigate', { url: appUrl }).defaultPrevented).toBe(true);
    expect(window.webContents.fire('will-redirect', { url: 'https://evil.example' }).defaultPrevented).toBe(true);
    expect(window.webContents.fire('will-attach-webview', {}, { src: 'https://evil.example' }).defaultPrevented).toBe(true);
  });

  it('grants the microphone to the app page only', () => {
    expect(requestPermission('media', { requestingUrl: appUrl, mediaTypes: ['audio'] })).toBe(true);
    expect(requestPermission('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] })).toBe(false);
    expect(requestPermission('media', { requestingUrl: pathToFileURL('/etc/other.html').href, mediaTypes: ['audio'] })).toBe(false);
    expect(requestPermission('media', { requestingUrl: pathToFileURL('/opt/Dialdesk/resources/app/dist/renderer/index.html').href, mediaTypes: ['audio'] })).toBe(false);
  });

  it('refuses the camera and every other permission', () => {
    expect(requestPermission('media', { requestingUrl: appUrl, mediaTypes: ['audio', 'video'] })).toBe(false);
    for (const permission of ['notifications', 'geolocation', 'display-capture', 'clipboard-read', 'openExternal', 'midi']) {
      expect(requestPermission(permission, { requestingUrl: appUrl })).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    const check = session().permissionCheckHandler!;
    expect(check(window.webContents, 'media', 'file:///', { requestingUrl: appUrl, mediaType: 'audio', isMainFrame: true })).toBe(true);
    expect(check(window.webContents, 'media', 'file:///', { requestingUrl: appUrl, mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(
      check(window.webContents, 'media', 'https://evil.example', { requestingUrl: 'https://evil.example/', isMainFrame: true }),
    ).toBe(false);
    expect(check(window.webContents, 'notifications', 'file:///', { requestingUrl: appUrl, isMainFrame: true })).toBe(false);
  });

  it('lets the app page keep only telephony HID devices (usage page 0x0B); every other device, and every other page, is refused', () => {
    const allows = session().devicePermissionHandler;
    expect(allows, 'no device permission handler: Electron would leave device grants to its defaults').toBeTypeOf('function');
    const hid = (...usagePages: number[]) => ({ deviceId: '1', name: 'dev', vendorId: 0x0b0e, productId: 0x0412, guid: 'g', collections: usagePages.map((usagePage) => ({ usagePage, usage: 1, type: 1, children: [], inputReports: [], outputReports: [], featureReports: [] })) });
    const app = 'app://dialdesk';
    // A headset: a telephony collection beside its consumer-control one.
    expect(allows!({ deviceType: 'hid', origin: app, device: hid(0x0c, 0x0b) })).toBe(true);
    expect(allows!({ deviceType: 'hid', origin: app, device: hid(0x0b) })).toBe(true);
    // A keyboard, a mouse, a gamepad, a FIDO key, a vendor-defined device: refused.
    for (const page of [0x01, 0x0c, 0xf1d0, 0xff00]) expect(allows!({ deviceType: 'hid', origin: app, device: hid(page) }), page.toString(16)).toBe(false);
    expect(allows!({ deviceType: 'hid', origin: app, device: hid() })).toBe(false);
    expect(allows!({ deviceType: 'hid', origin: 'https://evil.example', device: hid(0x0b) })).toBe(false);
    expect(allows!({ deviceType: 'hid', origin: 'file://', device: hid(0x0b) })).toBe(false);
    expect(allows!({ deviceType: 'usb', origin: app, device: { deviceId: '2', vendorId: 1, productId: 2 } })).toBe(false);
    expect(allows!({ deviceType: 'serial', origin: app, device: { portId: '3', portName: 'ttyS0' } })).toBe(false);
  });

  it('adds the CSP header to responses, keeping the others', () => {
    let response: any;
    session().headersReceived!(
      { url: appUrl, responseHeaders: { 'X-Other': ['1'] } },
      (answer) => (response = answer),
    );
    const csp: string = response.responseHeaders['Content-Security-Policy'][0];
    expect(response.responseHeaders['X-Other']).toEqual(['1']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' wss://sip.example.com");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('hardens the session once even with a second window', () => {
    const first = session().permissionRequestHandler;
    createMainWindow({ preloadPath, devTools: false });
    expect(session().permissionRequestHandler).toBe(first);
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(2);
  });
});
