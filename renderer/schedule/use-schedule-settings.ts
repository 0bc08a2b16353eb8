import type { ScheduleSettings } from '../../shared/schedule.js';
import { useSettings } from '../ui/use-settings.js';

/** The rep's schedule settings (bands, windows), kept fresh when settings change; null until loaded. */
export function useScheduleSettings(): ScheduleSettings | null {
  return useSettings()?.schedule ?? null;
}
