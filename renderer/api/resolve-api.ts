import { CALL_NAMES, type DialdeskApi } from '../../shared/contract/index.js';
import { fail } from '../../shared/result.js';
import { createSocketApi } from './socket-api.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in the browser harness. */
    dialdesk?: DialdeskApi;
  }
}

/**
 * The API the renderer talks to: the preload's `window.dialdesk` in Electron;
 * in the harness build only, a WebSocket client to the harness server. In the
 * Electron build `import.meta.env.MODE` is the constant "electron", so the
 * socket branch and its module are dropped from the bundle.
 */
export function resolveApi(): DialdeskApi {
  if (window.dialdesk) return window.dialdesk;
  if (import.meta.env.MODE === 'harness') {
    return createSocketApi(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`);
  }
  return unavailableApi('Dialdesk could not reach its main process (the preload did not load).');
}

/** Every call answers `unavailable`, so the UI shows a clear message instead of a blank window. */
function unavailableApi(message: string): DialdeskApi {
  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, async () => fail('unavailable', message)]));
  return { ...(calls as unknown as Omit<DialdeskApi, 'onEvent'>), onEvent: () => () => undefined };
}
