import type { SecretStore } from '../core/settings/secret-store.js';

/** One keyring entry: what @napi-rs/keyring's `Entry` offers (injectable for tests). */
export interface KeyringEntry {
  getPassword(): string | null;
  setPassword(password: string): void;
  deletePassword(): boolean;
}
export type KeyringEntryFactory = (service: string, account: string) => KeyringEntry;

export const KEYRING_SERVICE = 'Dialdesk';

export interface KeyringSecrets {
  secrets: SecretStore;
  /** Why the keyring is not used (the store then keeps secrets for this run only), or null. */
  unreachable: string | null;
}

/**
 * The web shell's secrets: the operating system's keyring (Keychain, Windows
 * Credential Manager, Secret Service) through @napi-rs/keyring, one entry per
 * data folder and key. When no keyring answers (a server without a desktop
 * session, a locked-down machine) secrets are kept in memory for this run
 * only and the store says so (`persistent: false`); never in a plain file.
 *
 * `entryFactory` is for tests; by default the native module is loaded here,
 * and a platform without a prebuilt binary counts as "no keyring".
 */
export async function createKeyringSecrets(dataDir: string, entryFactory?: KeyringEntryFactory): Promise<KeyringSecrets> {
  let factory = entryFactory;
  if (!factory) {
    try {
      const { Entry } = await import('@napi-rs/keyring');
      // On Linux only the Secret Service (GNOME Keyring, KWallet) keeps a password across a restart;
      // the kernel keyring the module would fall back to forgets it, so it counts as no keyring.
      factory = (service, account) => new Entry(service, account, { linux: { store: 'secret-service' } });
    } catch (error) {
      return sessionOnly(`the keyring module did not load (${messageOf(error)})`);
    }
  }
  const entryFor = (key: string) => factory(KEYRING_SERVICE, `${key}@${dataDir}`);
  try {
    // A read can answer null on a keyring that refuses writes: write and remove a probe entry.
    const probe = entryFor('probe');
    probe.setPassword('probe');
    probe.deletePassword();
  } catch (error) {
    return sessionOnly(messageOf(error));
  }
  const cache = new Map<string, string | null>();
  const secrets: SecretStore = {
    available: true,
    persistent: true,
    get(key) {
      if (!cache.has(key)) cache.set(key, entryFor(key).getPassword());
      return cache.get(key) ?? null;
    },
    set(key, value) {
      try {
        entryFor(key).setPassword(value);
      } catch (error) {
        throw new Error(`The system keyring did not take the password: ${messageOf(error)}`);
      }
      cache.set(key, value);
    },
    delete(key) {
      entryFor(key).deletePassword();
      cache.set(key, null);
    },
  };
  return { secrets, unreachable: null };
}

function sessionOnly(why: string): KeyringSecrets {
  return { secrets: createSessionSecrets(), unreachable: why };
}

/** Secrets in this process's memory only: gone when it stops, never on disk. */
export function createSessionSecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    available: true,
    persistent: false,
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
