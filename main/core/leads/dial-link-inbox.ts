import type { EventHub } from '../api/event-hub.js';
import { MAX_LINK_LENGTH } from './dial-link.js';

/**
 * The link the desktop handed the app (a second launch's command line, macOS
 * open-url) until the page takes it. The page may not be loaded yet when the
 * link arrives (a link that launched the app), so the link waits here and the
 * page asks for it on start and on `dial-link.received`. Only the newest link
 * is kept: a rep who clicks two links wants the second.
 */
export interface DialLinkInbox {
  deliver(url: string): void;
  take(): string | null;
}

export function createDialLinkInbox(events: Pick<EventHub, 'emit'>): DialLinkInbox {
  let pending: string | null = null;
  return {
    deliver(url) {
      // Oversized text is still handed on (cut), so the page says why it cannot be opened.
      pending = url.slice(0, MAX_LINK_LENGTH + 1);
      events.emit({ type: 'dial-link.received' });
    },
    take() {
      const url = pending;
      pending = null;
      return url;
    },
  };
}
