import { join } from 'node:path';
import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/domain.js';
import { settingsFileSchema } from '../core/settings/settings-file-schema.js';
import { DEFAULT_SETTINGS, type SettingsStore } from '../core/settings/settings-store.js';
import { setAsideIfInvalid } from '../core/store/set-aside-invalid.js';

/** Settings in `<dir>/settings.json` through electron-store: the app's twin of conf-settings.ts. */
export function createElectronSettings(dir: string, now = new Date()): SettingsStore {
  // Checked as conf-settings.ts checks it: a file no screen would accept is set aside, defaults used.
  const notice = setAsideIfInvalid(join(dir, 'settings.json'), settingsFileSchema, now);
  const store = new ElectronStore<Settings>({ cwd: dir, name: 'settings', defaults: DEFAULT_SETTINGS as never });
  // (electron-store's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return {
    notice,
    get: () => ({ ...DEFAULT_SETTINGS, ...store.store }),
    update(patch) {
      store.set({ ...store.store, ...patch });
      return { ...DEFAULT_SETTINGS, ...store.store };
    },
  };
}
