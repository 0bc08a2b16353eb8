import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';
import { PAGE_SHOWS_NOTIFICATIONS } from './use-browser-notifications.js';

type Permission = NotificationPermission | 'unsupported';

function browserPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Notifications on or off (saved at once), and in the browser the browser's
 * own permission, which only a click may ask for.
 */
export function NotificationSettings() {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [permission, setPermission] = useState<Permission>(browserPermission);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    void api.getSettings({}).then((result) => result.ok && setEnabled(result.value.notifications?.enabled !== false));
  }, [api]);
  if (enabled === null) return null;

  const toggle = async (next: boolean) => {
    setEnabled(next);
    const saved = await run(() => api.updateSettings({ notifications: { enabled: next } }));
    setEnabled(saved.ok ? saved.value.notifications.enabled : !next);
  };

  return (
    <fieldset className="card notification-settings">
      <legend>Notifications</legend>
      <label className="check">
        <input type="checkbox" checked={enabled} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />
        Notify me when a returns slot starts or a promised call is due outside a dial block
      </label>
      <p className="hint muted">Never while a block runs or a call is up: they wait until it ends.</p>
      {PAGE_SHOWS_NOTIFICATIONS && enabled ? (
        permission === 'granted' ? (
          <p className="hint">This browser shows them.</p>
        ) : permission === 'denied' ? (
          <p className="hint notice">This browser blocks notifications for Dialdesk; allow them in its site settings.</p>
        ) : permission === 'unsupported' ? (
          <p className="hint notice">This browser cannot show notifications.</p>
        ) : (
          <button type="button" className="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Allow browser notifications
          </button>
        )
      ) : null}
      {error ? <ErrorMessage error={error} title="Could not save" /> : null}
    </fieldset>
  );
}
