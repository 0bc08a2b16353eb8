import { CALL_NAMES, type DialdeskApi } from '../../shared/contract/index.js';
import { fail } from '../../shared/result.js';
import { PAGE_KEY_META } from '../../shared/web-shell.js';
import { createSocketApi } from './socket-api.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in the web shell. */
    dialdesk?: DialdeskApi;
  }
}

/**
 * The API the renderer talks to: the preload's `window.dialdesk` in Electron;
 * in the web build, a WebSocket client to the web shell (main/web): its
 * session cookie (set when the page's one-time launch code was spent) opens the
 * socket, and the page key the server wrote into this page checks the server.
 * The launch code leaves the address bar at once. In the Electron build
 * `import.meta.env.MODE` is the constant "electron", so the socket branch and
 * its module are dropped from the bundle.
 */
export function resolveApi(): DialdeskApi {
  if (window.dialdesk) return window.dialdesk;
  if (import.meta.env.MODE === 'web') {
    // The spent launch code is worth nothing, but it should not sit in the address bar, the history or a screen share.
    // Only the code goes: other parameters (a click-to-dial link) are still the page's to read.
    const address = new URL(location.href);
    if (address.searchParams.has('token')) {
      address.searchParams.delete('token');
      history.replaceState(history.state, '', address.href);
    }
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${PAGE_KEY_META}"]`);
    const pageKey = meta?.content ?? '';
    meta?.remove();
    if (!pageKey) return unavailableApi('Open Dialdesk with the address it printed (…/?token=…).');
    return createSocketApi(`ws://${location.host}/api`, { pageKey });
  }
  return unavailableApi('Dialdesk could not reach its main process (the preload did not load).');
}

/** Every call answers `unavailable`, so the UI shows a clear message instead of a blank window. */
function unavailableApi(message: string): DialdeskApi {
  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, async () => fail('unavailable', message)]));
  return { ...(calls as unknown as Omit<DialdeskApi, 'onEvent'>), onEvent: () => () => undefined };
}
