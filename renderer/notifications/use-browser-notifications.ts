import type { DialdeskNotification } from '../../shared/contract/index.js';
import { useDialdeskEvent } from '../api/api-context.js';

/** The web shell shows OS notifications itself; in Electron main does (main/electron/os-notifications.ts). */
export const PAGE_SHOWS_NOTIFICATIONS = import.meta.env.MODE === 'web';

/**
 * In the web shell: the core's `notify` events as the browser's
 * notifications (the OS's, through the browser), once the rep allowed them.
 * The core already held them during blocks and calls and dropped them when
 * turned off. Clicking one brings the tab forward and opens what it is about (`open`); in
 * Electron main says so with a `notification.open` event.
 */
export function useBrowserNotifications(open: (notification: DialdeskNotification) => void): void {
  useDialdeskEvent((event) => {
    if (event.type === 'notification.open') return open(event.notification);
    if (!PAGE_SHOWS_NOTIFICATIONS || event.type !== 'notify') return;
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const shown = new Notification(event.notification.title, { body: event.notification.body, tag: event.notification.id });
    const notification = event.notification;
    shown.onclick = () => {
      window.focus();
      shown.close();
      open(notification);
    };
  });
}
