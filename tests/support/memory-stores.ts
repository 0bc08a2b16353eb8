/** In-memory doubles of the core's small stores, for tests and the harness (the app and CLI use files). */
import type { Settings } from '../../shared/domain.js';
import type { SipAccount } from '../../shared/sip.js';
import type { SecretStore } from '../../main/core/settings/secret-store.js';
import { DEFAULT_SETTINGS, type SettingsStore } from '../../main/core/settings/settings-store.js';
import type { SipAccountStore } from '../../main/core/sip/account-store.js';

export function createMemorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    available: true,
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}

export function createMemorySettings(initial: Partial<Settings> = {}): SettingsStore {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: () => settings,
    update(patch) {
      settings = { ...settings, ...patch };
      return settings;
    },
  };
}

export function createMemoryAccountStore(initial: SipAccount | null = null): SipAccountStore {
  let account = initial;
  return { get: () => account, set: (a) => void (account = a) };
}
