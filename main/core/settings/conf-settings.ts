import { join } from 'node:path';
import Conf from 'conf';
import type { Settings } from '../../../shared/domain.js';
import { setAsideIfInvalid } from '../store/set-aside-invalid.js';
import { settingsFileSchema } from './settings-file-schema.js';
import { DEFAULT_SETTINGS, type SettingsStore } from './settings-store.js';

/**
 * Settings in `<dir>/settings.json` through `conf`, for the CLI and the test
 * harness. A file that does not pass the settings schema is set aside first
 * (see `notice`), so a value no screen would accept is never used.
 */
export function createConfSettings(dir: string, now = new Date()): SettingsStore {
  const notice = setAsideIfInvalid(join(dir, 'settings.json'), settingsFileSchema, now);
  const conf = new Conf<Settings>({ cwd: dir, configName: 'settings', projectName: 'dialdesk', defaults: DEFAULT_SETTINGS as never });
  // (conf's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return {
    notice,
    get: () => ({ ...DEFAULT_SETTINGS, ...conf.store }),
    update(patch) {
      conf.set({ ...conf.store, ...patch });
      return { ...DEFAULT_SETTINGS, ...conf.store };
    },
  };
}
