import type { DialdeskApi, DialdeskEvent, EventListener } from '../../shared/contract/index.js';
import { CALL_NAMES } from './call-names.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.js';

/** The slice of `ipcRenderer` the api needs; it is never handed to the page. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.dialdesk`: one named function per contract call plus `onEvent`.
 * Each function forwards only the input, never the IPC event or ipcRenderer,
 * so the page cannot reach any other channel.
 */
export function createDialdeskApi(ipc: PreloadIpc): DialdeskApi {
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    api[name] = (input: unknown) => ipc.invoke(CALL_CHANNEL, name, input);
  }
  api.onEvent = (listener: EventListener): (() => void) => {
    // Drop the IpcRendererEvent: its `sender` is ipcRenderer itself.
    const relay = (_event: unknown, payload: unknown) => listener(payload as DialdeskEvent);
    ipc.on(EVENT_CHANNEL, relay);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, relay);
    };
  };
  return api as DialdeskApi;
}
