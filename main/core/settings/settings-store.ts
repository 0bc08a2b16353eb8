import type { Settings } from '../../../shared/domain.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../shared/schedule.js';
import { DEFAULT_GLOBAL_KEYS } from '../../../shared/desk-keys.js';
import { isKnownZone } from '../timezones/zone-clock.js';

/**
 * What the core needs from settings storage. The app backs it with
 * electron-store, the harness and CLI with `conf` (what electron-store wraps),
 * unit tests with memory.
 */
export interface SettingsStore {
  /** Set when the settings file was unusable and set aside on load; the app shows it to the rep. */
  readonly notice?: string | null;
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export const DEFAULT_SETTINGS: Settings = {
  // First run: the operating system's own zone and the country of its locale.
  defaultCountry: osCountry() ?? 'US',
  repName: '',
  repCompany: '',
  callbackNumber: '',
  repTimeZone: systemTimeZone(),
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  daysOff: [],
  schedule: DEFAULT_SCHEDULE_SETTINGS,
  notifications: { enabled: true },
  globalKeys: DEFAULT_GLOBAL_KEYS,
  onboarding: 'pending',
};

/**
 * The operating system's own zone (the TZ variable, else the system setting, as Intl reads them), or
 * UTC only when the system names none a zone database knows (`Etc/Unknown`, an empty TZ).
 */
export function systemTimeZone(resolved: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  return resolved && resolved !== 'Etc/Unknown' && isKnownZone(resolved) ? resolved : 'UTC';
}

/** The region of the OS locale (`de-AT` → AT, `en` → US by likely subtags), or null when it names none. */
export function osCountry(locale = Intl.DateTimeFormat().resolvedOptions().locale): string | null {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}

