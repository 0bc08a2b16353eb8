import { DIAL_LINK_CHANNEL, dialLinkAnswerSchema, HANDOFF_LINK_MAX, LINK_PARAM, type DialLinkHandoff } from '../../shared/web-shell.js';
import './link-handoff.css';

/**
 * The web shell's click-to-dial handler page (`/dial-link?link=…`, served
 * without a session: main/web/web-server.ts). The browser opens it for a
 * tel:/sip: link clicked on another site, so it has no session cookie, calls
 * nothing and reads nothing. It hands the link to the open Dialdesk tab over
 * a same-origin BroadcastChannel and says what became of it:
 *
 *   hand over ──answer──▶ "open in your Dialdesk tab"  (or the reason a malformed link was refused)
 *       └─────no answer in ANSWER_WAIT_MS──▶ "no Dialdesk tab answered" + open Dialdesk here with the link
 *
 * The Dialdesk tab opens the lead or offers to create one; nothing dials.
 */

/** A Dialdesk tab answers within milliseconds; a background tab's timers are slowed, its messages are not. */
export const ANSWER_WAIT_MS = 4000;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the handler page lost #${id}`);
  return found;
}

function handOver(): void {
  const status = element('handoff-status');
  const refused = element('handoff-refused');
  const elsewhere = element('handoff-elsewhere');
  const address = new URL(location.href);
  const link = address.searchParams.get(LINK_PARAM)?.slice(0, HANDOFF_LINK_MAX) ?? '';
  // Out of the address bar: a reload or a restored tab does not hand the link over again.
  history.replaceState(null, '', address.pathname);
  if (link.trim() === '') {
    status.textContent = 'This address carries no link, so there is nothing to open. Click a tel: or sip: link on a page to open it in Dialdesk.';
    return;
  }

  const id = crypto.randomUUID();
  const channel = new BroadcastChannel(DIAL_LINK_CHANNEL);
  let answered = false;
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const answer = dialLinkAnswerSchema.safeParse(event.data);
    if (!answer.success || answer.data.id !== id || answered) return;
    answered = true;
    channel.close();
    elsewhere.hidden = true;
    if (answer.data.refused !== null) {
      status.textContent = '';
      refused.textContent = `Link not opened. ${answer.data.refused}`;
    } else {
      status.textContent = 'The link is open in your Dialdesk tab: switch to it to see the lead. Nothing was dialled; press Dial there to call. You can close this tab.';
    }
  });
  const handoff: DialLinkHandoff = { type: 'dial-link', id, link };
  channel.postMessage(handoff);
  setTimeout(() => {
    if (answered) return;
    // Keep listening: a late answer still replaces this.
    status.textContent =
      'No Dialdesk tab answered in this browser. Open Dialdesk here with the link, or open the address Dialdesk printed when it started and click the link again.';
    const here = new URL('/', location.origin);
    here.searchParams.set(LINK_PARAM, link);
    (element('handoff-open-here') as HTMLAnchorElement).href = here.href;
    elsewhere.hidden = false;
  }, ANSWER_WAIT_MS);
}

handOver();
