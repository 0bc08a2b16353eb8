import { Notification, type BrowserWindow } from 'electron';
import type { EventHub } from '../core/api/event-hub.js';

/**
 * Shows the core's `notify` events as operating-system notifications (the
 * core already decided whether and when: held during blocks and calls, off
 * when the rep said so). Clicking one brings the window forward and opens its lead.
 * Returns the unsubscribe.
 */
export function showOsNotifications(events: EventHub, mainWindow: () => BrowserWindow | null): () => void {
  if (!Notification.isSupported()) return () => undefined;
  return events.subscribe((event) => {
    if (event.type !== 'notify') return;
    const notification = new Notification({ title: event.notification.title, body: event.notification.body });
    const shown = event.notification;
    notification.on('click', () => {
      // The page opens what it is about: the lead, the dial block, the returns.
      events.emit({ type: 'notification.open', notification: shown });
      const window = mainWindow();
      if (!window || window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    });
    notification.show();
  });
}
