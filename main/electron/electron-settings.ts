import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/domain.js';
import { settingsIn } from '../core/settings/conf-settings.js';
import { DEFAULT_SETTINGS, type SettingsStore } from '../core/settings/settings-store.js';

/** Settings in `<dir>/settings.json` through electron-store, with the same adapter as conf-settings.ts. */
export function createElectronSettings(dir: string): SettingsStore {
  // (electron-store's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return settingsIn(new ElectronStore<Settings>({ cwd: dir, name: 'settings', defaults: DEFAULT_SETTINGS as never }));
}
