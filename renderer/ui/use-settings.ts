import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/domain.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';

/** The rep's settings, kept fresh when they change; null until loaded. */
export function useSettings(): Settings | null {
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.getSettings({}).then((result) => {
      if (live && result.ok) setSettings(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  useDialdeskEvent((event) => {
    if (event.type === 'settings.changed') setVersion((v) => v + 1);
  });
  return settings;
}

/** The rep's time zone (the one their hours and slots are in); null until loaded, so times show in this computer's zone. */
export function useRepZone(): string | null {
  return useSettings()?.repTimeZone ?? null;
}
