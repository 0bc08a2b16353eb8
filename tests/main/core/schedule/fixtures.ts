import type { Settings } from '../../../../shared/domain.js';
import { DEFAULT_SCHEDULE_SETTINGS, type LeadZones, type ScheduleSettings } from '../../../../shared/schedule.js';
import type { RepCalendar } from '../../../../main/core/schedule/calling-window.js';

export const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

export function rep(overrides: Partial<Settings> = {}): RepCalendar {
  return {
    repTimeZone: 'America/New_York',
    workingHours: { start: '00:00', end: '24:00', days: ALL_DAYS },
    daysOff: [],
    ...overrides,
  };
}

export function schedule(overrides: Partial<ScheduleSettings> = {}): ScheduleSettings {
  return { ...DEFAULT_SCHEDULE_SETTINGS, ...overrides };
}

export function zones(...list: string[]): LeadZones {
  return { zones: list, ambiguous: list.length > 1, source: 'import', country: 'US', places: ['US'] };
}

export const at = (iso: string): number => Date.parse(iso);
