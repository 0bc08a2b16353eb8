import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/settings/secret-store.js';
import { writeAtomicallySync } from '../core/store/write-atomically.js';

/** The part of Electron's safeStorage this store uses (injectable for tests). */
export type Encryption = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<typeof safeStorage, 'getSelectedStorageBackend'>>;

export class SecretsUnavailableError extends Error {
  constructor() {
    super(
      'Cannot save the password: this system offers no encryption for stored secrets (no OS keychain or keyring). ' +
        'Dialdesk never stores passwords in plain text.',
    );
    this.name = 'SecretsUnavailableError';
  }
}

/**
 * Secrets encrypted with the OS keychain through safeStorage, kept in one
 * file (`secrets.bin`: a JSON map of base64 ciphertexts) with mode 0600,
 * replaced atomically so a crash never leaves half a file.
 *
 * Uses the synchronous safeStorage calls because SecretStore is synchronous;
 * they are deprecated in Electron 45 but still supported.
 */
export function createSafeStorageSecrets(filePath: string, encryption: Encryption = safeStorage): SecretStore {
  let cache: Map<string, string> | null = null;

  const load = (): Map<string, string> => {
    cache ??= readCiphertexts(filePath);
    return cache;
  };
  const save = (values: Map<string, string>) => {
    writeSecrets(filePath, JSON.stringify(Object.fromEntries(values)));
    cache = values;
  };

  return {
    get available() {
      return encryptionAvailable(encryption);
    },
    get(key) {
      const ciphertext = load().get(key);
      if (ciphertext === undefined || !encryptionAvailable(encryption)) return null;
      try {
        return encryption.decryptString(Buffer.from(ciphertext, 'base64'));
      } catch {
        // The OS key changed (new keychain, restored profile): the secret is unreadable; the rep enters it again.
        return null;
      }
    },
    set(key, value) {
      if (!encryptionAvailable(encryption)) throw new SecretsUnavailableError();
      const next = new Map(load());
      next.set(key, encryption.encryptString(value).toString('base64'));
      save(next);
    },
    delete(key) {
      const current = load();
      if (!current.has(key)) return;
      const next = new Map(current);
      next.delete(key);
      save(next);
    },
  };
}

/**
 * On Linux without a keyring Electron falls back to `basic_text`, a key
 * hard-coded in Chromium: that is obfuscation, not encryption, so it counts
 * as unavailable.
 */
function encryptionAvailable(encryption: Encryption): boolean {
  if (!encryption.isEncryptionAvailable()) return false;
  if (process.platform === 'linux' && encryption.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

function readCiphertexts(filePath: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A damaged file holds nothing we can decrypt; it is replaced on the next save.
    return new Map();
  }
  const values = new Map<string, string>();
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string') values.set(key, value);
    }
  }
  return values;
}

function writeSecrets(filePath: string, text: string): void {
  mkdirSync(dirname(filePath), { recursive: true, mode: 0o700 });
  // Created 0600 so the ciphertext is never readable by others, not even briefly.
  writeAtomicallySync(filePath, text, { mode: 0o600 });
}
