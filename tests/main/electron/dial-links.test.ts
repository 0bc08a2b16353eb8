import { describe, expect, it } from 'vitest';
import { DIAL_LINK_PROTOCOLS, routeDialLinks } from '../../../main/electron/dial-links.js';
import { createFakeElectron, FakeEvent } from './fake-electron.js';

const packagedArgv = ['/opt/Dialdesk/dialdesk'];

describe('routeDialLinks', () => {
  it('registers Dialdesk for tel:, callto:, sip: and dialdesk://', () => {
    const { app } = createFakeElectron();
    routeDialLinks(app as any, packagedArgv, '/opt/Dialdesk/dialdesk');
    expect(DIAL_LINK_PROTOCOLS).toEqual(['tel', 'callto', 'sip', 'dialdesk']);
    expect(app.protocolClients).toEqual([['tel'], ['callto'], ['sip'], ['dialdesk']]);
  });

  it('a development run registers Electron with the app folder, so the desktop does not start bare Electron', () => {
    const { app } = createFakeElectron();
    app.defaultApp = true;
    routeDialLinks(app as any, ['/repo/node_modules/electron/dist/electron', '--inspect=0', '/repo'], '/repo/node_modules/electron/dist/electron');
    expect(app.protocolClients[0]).toEqual(['tel', '/repo/node_modules/electron/dist/electron', ['/repo']]);
  });

  it('hands on the link of a second launch (Windows, Linux) and of open-url (macOS), in order', () => {
    const { app } = createFakeElectron();
    const routing = routeDialLinks(app as any, packagedArgv, '/opt/Dialdesk/dialdesk');
    const delivered: string[] = [];
    routing.attach((url) => delivered.push(url));
    app.emit('second-instance', new FakeEvent(), ['C:\\Dialdesk\\Dialdesk.exe', '--allow-file-access-from-files', 'tel:+12125550147'], 'C:\\');
    const openUrl = new FakeEvent();
    app.emit('open-url', openUrl, 'dialdesk://dial?number=%2B13055550123&name=Dana');
    // A second launch without a link (the rep double-clicked the icon) delivers nothing.
    app.emit('second-instance', new FakeEvent(), ['C:\\Dialdesk\\Dialdesk.exe'], 'C:\\');
    expect(delivered).toEqual(['tel:+12125550147', 'dialdesk://dial?number=%2B13055550123&name=Dana']);
    // macOS would otherwise try the next handler for the link.
    expect(openUrl.defaultPrevented).toBe(true);
  });

  it('keeps the link that launched the app until the core can take it', () => {
    const { app } = createFakeElectron();
    const routing = routeDialLinks(app as any, [...packagedArgv, 'callto:+12125550147'], '/opt/Dialdesk/dialdesk');
    const delivered: string[] = [];
    routing.attach((url) => delivered.push(url));
    expect(delivered).toEqual(['callto:+12125550147']);

    // macOS: open-url before ready.
    const mac = createFakeElectron().app;
    const macRouting = routeDialLinks(mac as any, ['/Applications/Dialdesk.app/Contents/MacOS/Dialdesk'], '/x');
    mac.emit('open-url', new FakeEvent(), 'tel:+12125550147');
    const later: string[] = [];
    macRouting.attach((url) => later.push(url));
    expect(later).toEqual(['tel:+12125550147']);
  });

  it('never treats a plain argument as a link', () => {
    const { app } = createFakeElectron();
    const routing = routeDialLinks(app as any, [...packagedArgv, '--data-dir', '/tmp/tel:x'], '/x');
    const delivered: string[] = [];
    routing.attach((url) => delivered.push(url));
    app.emit('second-instance', new FakeEvent(), ['/opt/Dialdesk/dialdesk', 'https://evil.example/tel:+1'], '/');
    expect(delivered).toEqual([]);
  });
});
