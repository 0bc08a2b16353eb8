import { join } from 'node:path';
import Conf from 'conf';
import type { Settings } from '../../../shared/domain.js';
import { setAsideIfInvalid } from './set-aside-invalid.js';
import { settingsFileSchema } from './settings-file-schema.js';
import { DEFAULT_SETTINGS, type SettingsStore } from './settings-store.js';

/** The part of conf, and of electron-store (a conf underneath), that settings are kept through. */
export type SettingsFile = Pick<Conf<Settings>, 'store' | 'set'>;

/**
 * Settings in `<dir>/settings.json` through `conf`, for the CLI and the test
 * harness. A file that does not pass the settings schema is set aside first
 * (see `notice`), so a value no screen would accept is never used.
 */
export function createConfSettings(dir: string, now = new Date()): SettingsStore {
  const notice = setAsideIfInvalid(join(dir, 'settings.json'), settingsFileSchema, now);
  // (conf's DefaultsOf<T> cannot express Record fields such as schedule.countryWindows; the value is a full Settings.)
  return settingsIn(new Conf<Settings>({ cwd: dir, configName: 'settings', projectName: 'dialdesk', defaults: DEFAULT_SETTINGS as never }), notice);
}

/**
 * The one settings adapter over a conf-like file: the app's electron-store and
 * the CLI's conf share it. `notice` says when the file was set aside on load.
 */
export function settingsIn(file: SettingsFile, notice: string | null = null): SettingsStore {
  return {
    notice,
    get: () => ({ ...DEFAULT_SETTINGS, ...file.store }),
    update(patch) {
      file.set({ ...file.store, ...patch });
      return { ...DEFAULT_SETTINGS, ...file.store };
    },
  };
}
