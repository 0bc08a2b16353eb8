import Conf from 'conf';
import type { Settings } from '../../../shared/domain.js';
import { DEFAULT_SETTINGS, type SettingsStore } from './settings-store.js';

/** The part of conf, and of electron-store (a conf underneath), that settings are kept through. */
export type SettingsFile = Pick<Conf<Settings>, 'store' | 'set'>;

/** Settings in `<dir>/settings.json` through `conf`, for the CLI and the test harness. */
export function createConfSettings(dir: string): SettingsStore {
  // (conf's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return settingsIn(new Conf<Settings>({ cwd: dir, configName: 'settings', projectName: 'dialdesk', defaults: DEFAULT_SETTINGS as never }));
}

/** The one settings adapter over a conf-like file: the app's electron-store and the CLI's conf share it. */
export function settingsIn(file: SettingsFile): SettingsStore {
  return {
    get: () => ({ ...DEFAULT_SETTINGS, ...file.store }),
    update(patch) {
      file.set({ ...file.store, ...patch });
      return { ...DEFAULT_SETTINGS, ...file.store };
    },
  };
}
