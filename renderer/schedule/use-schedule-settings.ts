import { useEffect, useState } from 'react';
import type { ScheduleSettings } from '../../shared/schedule.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';

/** The rep's schedule settings (bands, windows), kept fresh when settings change; null until loaded. */
export function useScheduleSettings(): ScheduleSettings | null {
  const api = useApi();
  const [schedule, setSchedule] = useState<ScheduleSettings | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.getSettings({}).then((result) => {
      if (live && result.ok) setSchedule(result.value.schedule);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  useDialdeskEvent((event) => {
    if (event.type === 'settings.changed') setVersion((v) => v + 1);
  });
  return schedule;
}
