import Conf from 'conf';
import type { Settings } from '../../../shared/domain.js';
import { DEFAULT_SETTINGS, type SettingsStore } from './settings-store.js';

/** Settings in `<dir>/settings.json` through `conf`, for the CLI and the test harness. */
export function createConfSettings(dir: string): SettingsStore {
  const conf = new Conf<Settings>({ cwd: dir, configName: 'settings', projectName: 'dialdesk', defaults: DEFAULT_SETTINGS as never });
  // (conf's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return {
    get: () => ({ ...DEFAULT_SETTINGS, ...conf.store }),
    update(patch) {
      conf.set({ ...conf.store, ...patch });
      return { ...DEFAULT_SETTINGS, ...conf.store };
    },
  };
}
