import type { Settings } from '../../../shared/domain.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../shared/schedule.js';

/**
 * What the core needs from settings storage. The app backs it with
 * electron-store, the harness and CLI with `conf` (what electron-store wraps),
 * unit tests with memory.
 */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: 'US',
  repName: '',
  repCompany: '',
  callbackNumber: '',
  repTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  daysOff: [],
  schedule: DEFAULT_SCHEDULE_SETTINGS,
};

