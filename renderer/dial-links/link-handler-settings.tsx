import { useState } from 'react';
import { BROWSER_LINK_SCHEMES, handlerUrl } from './link-address.js';

/** Remembered per handler address: the offer is made once, not on every visit. */
const OFFERED_KEY = 'dialdesk.linkHandler';

type RegisterProtocolHandler = (scheme: string, url: string) => void;

/**
 * Settings → Click-to-dial links. The Electron app registers itself with the
 * desktop when it starts; the web shell asks the browser, from the rep's
 * click, to send tel: and sip: links (the two of Dialdesk's schemes the HTML
 * standard lets a page handle) to its handler address.
 */
export function LinkHandlerSettings() {
  const electron = Boolean(window.dialdesk);
  const url = electron ? null : handlerUrl(location);
  const [state, setState] = useState<{ done: boolean; error: string | null }>(() => ({
    done: url !== null && localStorage.getItem(OFFERED_KEY) === url,
    error: null,
  }));

  const register = () => {
    const navigatorWithHandler = navigator as Navigator & { registerProtocolHandler?: RegisterProtocolHandler };
    if (!url || typeof navigatorWithHandler.registerProtocolHandler !== 'function') {
      setState({ done: false, error: 'This browser does not let a page open tel: and sip: links (Safari, Chrome on Android). Use the Dialdesk app.' });
      return;
    }
    try {
      for (const scheme of BROWSER_LINK_SCHEMES) navigatorWithHandler.registerProtocolHandler(scheme, url);
      localStorage.setItem(OFFERED_KEY, url);
      setState({ done: true, error: null });
    } catch (error) {
      setState({ done: false, error: `The browser refused: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <fieldset className="card link-handler-settings">
      <legend>Click-to-dial links</legend>
      {electron ? (
        <p className="hint">
          Dialdesk opens <code>tel:</code>, <code>callto:</code>, <code>sip:</code> and <code>dialdesk://dial?number=…&amp;name=…</code> links from any page or
          program: the lead with that number opens (or Dialdesk offers to create one). A link never dials; you press Dial.
        </p>
      ) : (
        <>
          <p className="hint">
            Let this browser open <code>tel:</code> and <code>sip:</code> links in Dialdesk: the lead with that number opens (or Dialdesk offers to create one). A link
            never dials; you press Dial. The address includes this start's token and port: after a restart (or with a new <code>--port</code>) offer it again.
          </p>
          {state.done ? (
            <p className="hint" role="status">Offered to the browser for this address. Your browser lists it under its site settings (protocol handlers).</p>
          ) : (
            <button type="button" className="button" onClick={register}>
              Open tel: and sip: links with Dialdesk
            </button>
          )}
          {state.error ? <p className="hint notice" role="alert">{state.error}</p> : null}
        </>
      )}
    </fieldset>
  );
}
