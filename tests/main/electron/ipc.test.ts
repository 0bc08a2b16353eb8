import { pathToFileURL } from 'node:url';
import * as electron from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Dispatch } from '../../../main/core/api/dispatch.js';
import { APP_INDEX_URL } from '../../../main/electron/app-url.js';
import { createEventHub } from '../../../main/core/api/event-hub.js';
import type { Result } from '../../../shared/result.js';
import { FakeFrame, FakeWebContents, FakeSession, type FakeBrowserWindow, type FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).createFakeElectron());

const { forwardEvents, registerCallHandler } = await import('../../../main/electron/ipc.js');
const fake = electron as unknown as FakeElectron;

// The page as it was served before the app:// scheme: a file on disk is no longer the app.
const indexFileUrl = pathToFileURL('/opt/Dialdesk/resources/app.asar/dist/renderer/index.html').href;
const appUrl = `${APP_INDEX_URL}#/leads`;

let ours: FakeWebContents;
let dispatch: Mock<Dispatch>;
let refused: string[];
let dispose: () => void;

beforeEach(() => {
  dispose?.();
  ours = new FakeWebContents(new FakeSession());
  dispatch = vi.fn<Dispatch>(async (name, input) => ({ ok: true, value: { name, input } }));
  refused = [];
  dispose = registerCallHandler({
    dispatch,
    isAppContents: (contents) => contents === (ours as unknown),
    onRefused: (reason) => refused.push(reason),
  });
});

function call(sender: FakeWebContents, frame: FakeFrame | null, name: unknown, input: unknown) {
  const handler = fake.ipcMain.handlers.get('dialdesk:call');
  if (!handler) throw new Error('no handler registered for dialdesk:call');
  return handler({ sender, senderFrame: frame }, name, input) as Promise<Result<unknown>>;
}

describe('call handler', () => {
  it('forwards a call from the app page to dispatch and answers its Result', async () => {
    const answer = await call(ours, new FakeFrame(appUrl), 'getLead', { id: 'lead-1' });
    expect(dispatch).toHaveBeenCalledWith('getLead', { id: 'lead-1' });
    expect(answer).toEqual({ ok: true, value: { name: 'getLead', input: { id: 'lead-1' } } });
    expect(refused).toEqual([]);
  });

  it('leaves name and input checks to dispatch (it validates with the contract)', async () => {
    dispatch.mockResolvedValueOnce({ ok: false, error: { code: 'invalid-input', message: 'Unknown call: nope' } });
    const answer = await call(ours, new FakeFrame(appUrl), 'nope', 42);
    expect(dispatch).toHaveBeenCalledWith('nope', 42);
    expect(answer).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown call: nope' } });
  });

  it('refuses other web contents without reaching dispatch', async () => {
    const foreign = new FakeWebContents(new FakeSession());
    const answer = await call(foreign, new FakeFrame(appUrl), 'getStatus', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(refused).toHaveLength(1);
  });

  it('refuses our window when it shows a foreign page', async () => {
    for (const url of ['https://evil.example/', pathToFileURL('/tmp/index.html').href, indexFileUrl, 'app://evil/index.html', 'about:blank']) {
      await expect(call(ours, new FakeFrame(url), 'getStatus', {})).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses sub-frames, even of the app page', async () => {
    const answer = await call(ours, new FakeFrame(appUrl, new FakeFrame(appUrl)), 'getStatus', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses when the sender frame is gone', async () => {
    await expect(call(ours, null, 'getStatus', {})).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers internal instead of rejecting if dispatch ever throws', async () => {
    dispatch.mockRejectedValueOnce(new Error('boom'));
    await expect(call(ours, new FakeFrame(appUrl), 'getStatus', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('removes the handler with its disposer', () => {
    dispose();
    expect(fake.ipcMain.handlers.has('dialdesk:call')).toBe(false);
    dispose = registerCallHandler({ dispatch, isAppContents: () => true });
    expect(fake.ipcMain.handlers.has('dialdesk:call')).toBe(true);
  });
});

describe('event forwarding', () => {
  it('sends core events to the window until it closes', () => {
    const hub = createEventHub();
    const window = new fake.BrowserWindow({}) as FakeBrowserWindow;
    forwardEvents(hub, window as never);

    hub.emit({ type: 'leads.changed' });
    expect(window.webContents.sent).toEqual([['dialdesk:event', { type: 'leads.changed' }]]);

    window.close();
    const send = vi.spyOn(window.webContents, 'send');
    hub.emit({ type: 'settings.changed' });
    expect(send).not.toHaveBeenCalled();
  });

  it('stops with its disposer', () => {
    const hub = createEventHub();
    const window = new fake.BrowserWindow({}) as FakeBrowserWindow;
    const stop = forwardEvents(hub, window as never);
    stop();
    hub.emit({ type: 'leads.changed' });
    expect(window.webContents.sent).toEqual([]);
  });
});
