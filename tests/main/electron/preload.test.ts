import * as electron from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, type DialdeskApi, type DialdeskEvent } from '../../../shared/contract/index.js';
import type { FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).createFakeElectron());

const fake = electron as unknown as FakeElectron;
await import('../../../main/electron/preload.js');
const api = fake.contextBridge.exposed.get('dialdesk') as DialdeskApi & Record<string, unknown>;

describe('preload', () => {
  it('exposes only window.dialdesk', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['dialdesk']);
  });

  it('exposes exactly one function per contract call plus onEvent', () => {
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer', () => {
    for (const value of Object.values(api)) {
      expect(value).not.toBe(fake.ipcRenderer);
      expect(Object.values(value as object)).not.toContain(fake.ipcRenderer);
    }
    expect(Object.values(api)).not.toContain(fake.ipcRenderer.invoke);
  });

  it('forwards each call by name with its input over the call channel', async () => {
    fake.ipcRenderer.invocations.length = 0;
    await api.getLead({ id: 'lead-1' });
    await api.listLeads({ query: 'acme' });
    expect(fake.ipcRenderer.invocations).toEqual([
      ['dialdesk:call', 'getLead', { id: 'lead-1' }],
      ['dialdesk:call', 'listLeads', { query: 'acme' }],
    ]);
  });

  it('returns what main answered', async () => {
    await expect(api.getStatus({})).resolves.toEqual({ ok: true, value: null });
  });

  it('delivers events without the IPC event object and stops after the disposer', () => {
    const received: unknown[][] = [];
    const dispose = api.onEvent((...args: unknown[]) => received.push(args));
    const event: DialdeskEvent = { type: 'leads.changed' };
    fake.ipcRenderer.emit('dialdesk:event', { sender: fake.ipcRenderer }, event);
    expect(received).toEqual([[event]]);

    dispose();
    expect(fake.ipcRenderer.listenerCount('dialdesk:event')).toBe(0);
    fake.ipcRenderer.emit('dialdesk:event', { sender: fake.ipcRenderer }, event);
    expect(received).toHaveLength(1);
  });
});
