import { useCallback, useEffect, useState } from 'react';
import type { PromiseReminderView } from '../../shared/contract/index.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { DialButton } from '../ui/dial-button.js';
import './reminders.css';

/** Promises are pinned to the minute; a minute's polling keeps "in 10 min" honest without a timer per promise. */
const REFRESH_MS = 60_000;

/**
 * Promised calls due soon that no dial block will make: a voicemail said
 * "I'll call you at 8:15", so the rep is reminded to keep that word.
 */
export function ReminderBanner() {
  const api = useApi();
  const [reminders, setReminders] = useState<PromiseReminderView[]>([]);

  const refresh = useCallback(async () => {
    const result = await api.listReminders({ withinMinutes: 30 });
    if (result.ok) setReminders(result.value);
  }, [api]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useDialdeskEvent((event) => {
    // A block starting or a call coming up holds the reminders (the core answers none then).
    if (['leads.changed', 'settings.changed', 'dial-block.changed', 'sip.call'].includes(event.type)) void refresh();
  });

  if (reminders.length === 0) return null;
  return (
    <section className="reminders" aria-label="Promised calls due">
      <h2 className="reminders-title">Promised calls due — no dial block is running</h2>
      <ul>
        {reminders.map((reminder) => (
          <li key={reminder.leadId} className="reminder">
            <span className="reminder-name">{reminder.name}</span>
            <span className="reminder-when">promised {reminder.phrase}</span>
            <DialButton number={reminder.phone} leadId={reminder.leadId} />
          </li>
        ))}
      </ul>
    </section>
  );
}
