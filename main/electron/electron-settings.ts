import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/domain.js';
import { DEFAULT_SETTINGS, type SettingsStore } from '../core/settings/settings-store.js';

/** Settings in `<dir>/settings.json` through electron-store: the app's twin of conf-settings.ts. */
export function createElectronSettings(dir: string): SettingsStore {
  const store = new ElectronStore<Settings>({ cwd: dir, name: 'settings', defaults: DEFAULT_SETTINGS as never });
  // (electron-store's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return {
    get: () => ({ ...DEFAULT_SETTINGS, ...store.store }),
    update(patch) {
      store.set({ ...store.store, ...patch });
      return { ...DEFAULT_SETTINGS, ...store.store };
    },
  };
}
