import { CALL_NAMES, type DialdeskApi } from '../../shared/contract/index.js';
import { fail } from '../../shared/result.js';
import { createSocketApi } from './socket-api.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in the web shell. */
    dialdesk?: DialdeskApi;
  }
}

/**
 * The API the renderer talks to: the preload's `window.dialdesk` in Electron;
 * in the web build, a WebSocket client to the web shell (main/web), with the
 * token from the address the shell printed. In the Electron build
 * `import.meta.env.MODE` is the constant "electron", so the socket branch and
 * its module are dropped from the bundle.
 */
export function resolveApi(): DialdeskApi {
  if (window.dialdesk) return window.dialdesk;
  if (import.meta.env.MODE === 'web') {
    // The page keeps the token it was opened with; the server refuses a socket without it.
    const token = new URLSearchParams(location.search).get('token');
    if (!token) return unavailableApi('Open Dialdesk with the full address it printed (…/?token=…).');
    return createSocketApi(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
  }
  return unavailableApi('Dialdesk could not reach its main process (the preload did not load).');
}

/** Every call answers `unavailable`, so the UI shows a clear message instead of a blank window. */
function unavailableApi(message: string): DialdeskApi {
  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, async () => fail('unavailable', message)]));
  return { ...(calls as unknown as Omit<DialdeskApi, 'onEvent'>), onEvent: () => () => undefined };
}
