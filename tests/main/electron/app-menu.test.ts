import * as electron from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS } from '../../../shared/contract/index.js';
import { createEventHub } from '../../../main/core/api/event-hub.js';
import { EVENT_CHANNEL } from '../../../main/electron/channels.js';
import type { FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).createFakeElectron());

const { appMenuTemplate, installAppMenu } = await import('../../../main/electron/app-menu.js');
const { showOsNotifications } = await import('../../../main/electron/os-notifications.js');
const fake = electron as unknown as FakeElectron;

type Item = { role?: string; label?: string; id?: string; accelerator?: string; submenu?: Item[]; click?: () => void };
const roles = (items: Item[]) => items.map((item) => item.role ?? item.label);
const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);

describe('application menu', () => {
  it('on macOS: the app menu and an Edit menu (copy and paste work only through it), then the app’s menus', () => {
    const template = appMenuTemplate({ platform: 'darwin', packaged: true, run: () => undefined }) as Item[];
    expect(roles(template)).toEqual(['appMenu', '&File', 'editMenu', '&Go', '&View', 'windowMenu', 'help']);
    expect(template[1].submenu?.at(-1)?.role).toBe('close');
  });

  it('on Windows and Linux: File ends with Quit, and the Edit menu is there too', () => {
    const template = appMenuTemplate({ platform: 'linux', packaged: true, run: () => undefined }) as Item[];
    expect(roles(template)).toEqual(['&File', 'editMenu', '&Go', '&View', 'windowMenu', 'help']);
    expect(template[0].submenu?.at(-1)?.role).toBe('quit');
  });

  it('every app command is in the menu once, with its shortcut, and runs that command', () => {
    const ran: string[] = [];
    const items = flatten(appMenuTemplate({ platform: 'linux', packaged: true, run: (command) => void ran.push(command) }) as Item[]);
    for (const command of APP_COMMANDS) {
      const found = items.filter((item) => item.id === command.id);
      expect(found, command.id).toHaveLength(1);
      expect(found[0].accelerator).toBe(command.accelerator);
      found[0].click!();
    }
    expect(ran).toEqual(APP_COMMANDS.map((command) => command.id));
    const accelerators = APP_COMMANDS.map((command) => command.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('DevTools only when not packaged', () => {
    const view = (packaged: boolean) =>
      (appMenuTemplate({ platform: 'linux', packaged, run: () => undefined }) as Item[]).find((item) => item.label === '&View')!.submenu!;
    expect(roles(view(true))).not.toContain('toggleDevTools');
    expect(roles(view(false))).toContain('toggleDevTools');
  });

  it('installed, a menu command reaches the open window’s page as an app.command event', () => {
    const window = new fake.BrowserWindow({});
    installAppMenu(() => window as never);
    const items = flatten(fake.menus.application!.template as Item[]);
    items.find((item) => item.id === 'go:phone')!.click!();
    expect(window.webContents.sent).toEqual([[EVENT_CHANNEL, { type: 'app.command', command: 'go:phone' }]]);
    window.close();
    items.find((item) => item.id === 'go:leads')!.click!();
    expect(window.webContents.sent).toHaveLength(1);
  });
});

describe('OS notifications in the app', () => {
  it('shows each notify event, and a click brings the window forward', () => {
    const events = createEventHub();
    const window = new fake.BrowserWindow({});
    const stop = showOsNotifications(events, () => window as never);
    events.emit({ type: 'leads.changed' });
    events.emit({ type: 'notify', notification: { id: 'p1', kind: 'promise-due', title: 'Promised call: Ada', body: 'You promised…', leadId: 'a' } });
    expect(fake.notifications.map((n) => [n.options.title, n.shown])).toEqual([['Promised call: Ada', true]]);
    fake.notifications[0].emit('click');
    expect(window.focused).toBe(true);
    stop();
    events.emit({ type: 'notify', notification: { id: 'p2', kind: 'returns-slot', title: 'Returns slot', body: '…', leadId: null } });
    expect(fake.notifications).toHaveLength(1);
  });
});
