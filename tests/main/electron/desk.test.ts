import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../main/core/api/event-hub.js';
import { installDesk } from '../../../main/electron/desk.js';
import { trayLineState } from '../../../main/electron/tray.js';
import type { DialdeskEvent } from '../../../shared/contract/index.js';
import { DEFAULT_GLOBAL_KEYS, type GlobalKeyStatus, type GlobalKeys } from '../../../shared/desk-keys.js';
import type { RegistrationState } from '../../../shared/sip.js';
import { createFakeElectron } from './fake-electron.js';

const registered: RegistrationState = { status: 'registered', reason: null, offlineSince: null, nextRetryAt: null, registeredAt: '2026-12-07T09:00:00Z', aor: 'sip:rep@pbx.example.com' };
const offline: RegistrationState = { ...registered, status: 'offline' as RegistrationState['status'], reason: 'server unreachable', registeredAt: null };

/** A core as the shell sees it: dispatch, events, and the global-key status slot. */
function fakeCore(globalKeys: GlobalKeys = DEFAULT_GLOBAL_KEYS) {
  const events = createEventHub();
  const calls: [string, unknown][] = [];
  const state = { globalKeys, block: null as any, status: null as GlobalKeyStatus | null };
  const emitted: DialdeskEvent[] = [];
  events.subscribe((event) => emitted.push(event));
  const core = {
    events,
    setGlobalKeyStatus: (status: GlobalKeyStatus) => void (state.status = status),
    dispatch: async (name: unknown, input: unknown) => {
      calls.push([String(name), input]);
      switch (name) {
        case 'getSettings':
          return { ok: true as const, value: { globalKeys: state.globalKeys } };
        case 'getRegistration':
          return { ok: true as const, value: offline };
        case 'getBlock':
          return { ok: true as const, value: state.block };
        case 'listCalls':
          return { ok: true as const, value: [] };
        default:
          return { ok: true as const, value: null };
      }
    },
  };
  return { core, calls, state, emitted };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const menuLabels = (tray: any) => tray.menu.template.map((item: any) => (item.type === 'separator' ? '—' : `${item.label}${item.enabled === false ? ' (off)' : ''}`));

describe('global keys', () => {
  it('are off by default: nothing is taken from other programs', async () => {
    const electron = createFakeElectron();
    const { core, state } = fakeCore();
    await installDesk(electron as any, core as any, { open() {}, quit() {} });
    expect(electron.globalShortcut.registered.size).toBe(0);
    expect(state.status).toEqual({ available: true, registered: [], conflicts: [] });
  });

  it('turned on in Settings, each key sends its desk action to the page; a key another program holds is reported, the rest work', async () => {
    const electron = createFakeElectron();
    electron.globalShortcut.takenByOthers.add('CmdOrCtrl+Alt+M');
    const { core, state, emitted } = fakeCore();
    const dispose = await installDesk(electron as any, core as any, { open() {}, quit() {} });

    state.globalKeys = { ...DEFAULT_GLOBAL_KEYS, enabled: true };
    core.events.emit({ type: 'settings.changed' });
    await settle();
    expect([...electron.globalShortcut.registered.keys()].sort()).toEqual(['CmdOrCtrl+Alt+A', 'CmdOrCtrl+Alt+H', 'CmdOrCtrl+Alt+P', 'CmdOrCtrl+Alt+V']);
    expect(state.status).toEqual({
      available: true,
      registered: ['answer', 'hang-up', 'drop-voicemail', 'pause-block'],
      conflicts: [{ action: 'mute', accelerator: 'CmdOrCtrl+Alt+M', reason: 'another program already uses it' }],
    });

    electron.globalShortcut.press('CmdOrCtrl+Alt+V');
    electron.globalShortcut.press('CmdOrCtrl+Alt+A');
    expect(emitted.filter((event) => event.type === 'desk.action')).toEqual([
      { type: 'desk.action', action: 'drop-voicemail' },
      { type: 'desk.action', action: 'answer' },
    ]);

    // A changed key: the old one is given back, the new one taken.
    state.globalKeys = { enabled: true, keys: { ...DEFAULT_GLOBAL_KEYS.keys, answer: 'Ctrl+Shift+F9', mute: '' } };
    core.events.emit({ type: 'settings.changed' });
    await settle();
    expect(electron.globalShortcut.registered.has('CmdOrCtrl+Alt+A')).toBe(false);
    expect(electron.globalShortcut.registered.has('Ctrl+Shift+F9')).toBe(true);
    expect(state.status?.conflicts).toEqual([]);

    // Off again: every key of ours released, none of the other program's touched.
    state.globalKeys = { ...state.globalKeys, enabled: false };
    core.events.emit({ type: 'settings.changed' });
    await settle();
    expect(electron.globalShortcut.registered.size).toBe(0);
    expect(electron.globalShortcut.takenByOthers.has('CmdOrCtrl+Alt+M')).toBe(true);
    dispose();
  });

  it('a settings file with a bad or doubled key reports it instead of registering it', async () => {
    const electron = createFakeElectron();
    const { core, state } = fakeCore({ enabled: true, keys: { ...DEFAULT_GLOBAL_KEYS.keys, mute: 'M', 'pause-block': 'CmdOrCtrl+Alt+A' } });
    await installDesk(electron as any, core as any, { open() {}, quit() {} });
    expect(state.status?.conflicts.map(({ action, reason }) => [action, reason])).toEqual([
      ['mute', expect.stringMatching(/needs a modifier/)],
      ['pause-block', 'also set for Answer'],
    ]);
    expect(electron.globalShortcut.registered.has('M')).toBe(false);
  });
});

describe('the tray', () => {
  it('shows the line state and follows registration, calls and the block', async () => {
    const electron = createFakeElectron();
    const { core } = fakeCore();
    await installDesk(electron as any, core as any, { open() {}, quit() {} });
    const tray = electron.trays[0]!;
    expect(tray.tooltip).toBe('Dialdesk — Offline (server unreachable)');
    expect(menuLabels(tray)).toEqual(['Offline (off)', '—', 'Pause block (off)', 'Open Dialdesk', '—', 'Quit Dialdesk']);
    const offlineIcon = tray.image as { png: Buffer };
    expect(offlineIcon.png.subarray(1, 4).toString()).toBe('PNG');

    core.events.emit({ type: 'sip.registration', registration: registered });
    expect(tray.tooltip).toBe('Dialdesk — Registered as sip:rep@pbx.example.com');
    expect(tray.image).not.toEqual(offlineIcon);

    const call = { id: 'c1', status: 'connected' } as any;
    core.events.emit({ type: 'dial-block.changed', block: { status: 'running' } as any });
    expect(tray.tooltip).toBe('Dialdesk — Dial block running');
    core.events.emit({ type: 'sip.call', call, previous: 'ringing' });
    expect(tray.tooltip).toBe('Dialdesk — In a call');
    core.events.emit({ type: 'sip.call', call: { ...call, status: 'ended' }, previous: 'connected' });
    expect(tray.tooltip).toBe('Dialdesk — Dial block running');
    core.events.emit({ type: 'sip.registration', registration: offline });
    expect(tray.tooltip).toBe('Dialdesk — Offline (server unreachable)');
  });

  it('its menu pauses and resumes the block, opens the window and quits', async () => {
    const electron = createFakeElectron();
    const { core, calls } = fakeCore();
    const done: string[] = [];
    const dispose = await installDesk(electron as any, core as any, { open: () => done.push('open'), quit: () => done.push('quit') });
    const tray = electron.trays[0]!;
    const item = (label: string) => (tray.menu as any).template.find((entry: any) => entry.label === label);

    core.events.emit({ type: 'dial-block.changed', block: { status: 'running' } as any });
    item('Pause block').click();
    core.events.emit({ type: 'dial-block.changed', block: { status: 'paused' } as any });
    expect(menuLabels(tray)).toContain('Resume block');
    item('Resume block').click();
    item('Open Dialdesk').click();
    tray.emit('click');
    item('Quit Dialdesk').click();
    expect(calls.map(([name]) => name).filter((name) => name.endsWith('Block') && name !== 'getBlock')).toEqual(['pauseBlock', 'resumeBlock']);
    expect(done).toEqual(['open', 'open', 'quit']);

    dispose();
    expect(tray.destroyed).toBe(true);
  });

  it('a call outranks the block, and anything unregistered is offline', () => {
    expect(trayLineState({ registration: registered, liveCalls: 1, block: { status: 'running' } as any })).toBe('in-call');
    expect(trayLineState({ registration: registered, liveCalls: 0, block: { status: 'paused' } as any })).toBe('registered');
    expect(trayLineState({ registration: { ...registered, status: 'failed' as RegistrationState['status'] }, liveCalls: 1, block: null })).toBe('offline');
    expect(trayLineState({ registration: null, liveCalls: 0, block: null })).toBe('offline');
  });
});
