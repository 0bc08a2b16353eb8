import * as electron from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL } from '../../../main/electron/app-url.js';
import { FakeEvent, type FakeBrowserWindow, type FakeElectron, type FakeSession } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).createFakeElectron());

const { createMainWindow } = await import('../../../main/electron/window.js');
void (electron as unknown as FakeElectron);

const headset = { deviceId: 'h1', name: 'Office Headset', vendorId: 0x0b0e, productId: 0x2456, collections: [{ usagePage: 0x0c, usage: 1 }, { usagePage: 0x0b, usage: 5 }] };
const keyboard = { deviceId: 'k1', name: 'Keyboard', vendorId: 1, productId: 2, collections: [{ usagePage: 0x01, usage: 6 }] };
const securityKey = { deviceId: 's1', name: 'FIDO key', vendorId: 3, productId: 4, collections: [{ usagePage: 0xf1d0, usage: 1 }] };

let window: FakeBrowserWindow;
let session: FakeSession;
beforeAll(() => {
  window = createMainWindow({ preloadPath: '/x/preload.cjs', devTools: false }) as unknown as FakeBrowserWindow;
  session = window.webContents.session;
});

describe('WebHID in the app window', () => {
  it('grants telephony devices to the app page, and nothing else to anyone', () => {
    const grant = session.devicePermissionHandler!;
    expect(grant({ deviceType: 'hid', origin: 'app://dialdesk', device: headset })).toBe(true);
    expect(grant({ deviceType: 'hid', origin: 'app://dialdesk', device: keyboard })).toBe(false);
    expect(grant({ deviceType: 'hid', origin: 'app://dialdesk', device: securityKey })).toBe(false);
    expect(grant({ deviceType: 'hid', origin: 'https://evil.example', device: headset })).toBe(false);
    expect(grant({ deviceType: 'usb', origin: 'app://dialdesk', device: headset })).toBe(false);
    expect(grant({ deviceType: 'serial', origin: 'app://dialdesk', device: headset })).toBe(false);
  });

  it('lets the app page ask for HID (the check), and no other page', () => {
    const check = session.permissionCheckHandler!;
    expect(check(window.webContents, 'hid', 'app://dialdesk', { requestingUrl: APP_INDEX_URL, isMainFrame: true })).toBe(true);
    expect(check(window.webContents, 'hid', 'https://evil.example', { requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(check(window.webContents, 'usb', 'app://dialdesk', { requestingUrl: APP_INDEX_URL, isMainFrame: true })).toBe(false);
  });

  it('the device request picks the first telephony device for the app page, and cancels otherwise', () => {
    const choose = (deviceList: unknown[], url: string) => {
      const event = new FakeEvent();
      const picked: unknown[][] = [];
      session.emit('select-hid-device', event, { deviceList, frame: { url } }, (...args: unknown[]) => picked.push(args));
      expect(event.defaultPrevented).toBe(true);
      return picked;
    };
    expect(choose([keyboard, headset, securityKey], APP_INDEX_URL)).toEqual([['h1']]);
    expect(choose([keyboard, securityKey], APP_INDEX_URL)).toEqual([[]]);
    expect(choose([headset], 'https://evil.example/')).toEqual([[]]);
  });
});
