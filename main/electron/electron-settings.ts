import { join } from 'node:path';
import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/domain.js';
import { settingsIn } from '../core/settings/conf-settings.js';
import { settingsFileSchema } from '../core/settings/settings-file-schema.js';
import { DEFAULT_SETTINGS, type SettingsStore } from '../core/settings/settings-store.js';
import { setAsideIfInvalid } from '../core/settings/set-aside-invalid.js';

/** Settings in `<dir>/settings.json` through electron-store, with the same adapter and load check as conf-settings.ts. */
export function createElectronSettings(dir: string, now = new Date()): SettingsStore {
  // A file no screen would accept is set aside and the defaults used, with a notice.
  const notice = setAsideIfInvalid(join(dir, 'settings.json'), settingsFileSchema, now);
  // (electron-store's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return settingsIn(new ElectronStore<Settings>({ cwd: dir, name: 'settings', defaults: DEFAULT_SETTINGS as never }), notice);
}
