import { describe, expect, it } from 'vitest';
import { createKeyringSecrets, KEYRING_SERVICE, type KeyringEntryFactory } from '../../../main/web/keyring-secrets.js';

/** A keyring in memory, recording which service/account each entry used. */
function fakeKeyring(options: { failWrites?: string } = {}) {
  const saved = new Map<string, string>();
  const factory: KeyringEntryFactory = (service, account) => {
    const key = `${service}/${account}`;
    return {
      getPassword: () => saved.get(key) ?? null,
      setPassword: (password) => {
        if (options.failWrites) throw new Error(options.failWrites);
        saved.set(key, password);
      },
      deletePassword: () => {
        if (options.failWrites) throw new Error(options.failWrites);
        return saved.delete(key);
      },
    };
  };
  return { saved, factory };
}

describe('web shell secrets', () => {
  it('keeps the password in the system keyring, one entry per data folder, and reads it back after a restart', async () => {
    const keyring = fakeKeyring();
    const first = await createKeyringSecrets('/data/a', keyring.factory);
    expect(first.unreachable).toBeNull();
    expect(first.secrets.persistent).toBe(true);
    first.secrets.set('sip.password', 'hunter2');
    expect([...keyring.saved]).toEqual([[`${KEYRING_SERVICE}/sip.password@/data/a`, 'hunter2']]);

    const restarted = await createKeyringSecrets('/data/a', keyring.factory);
    expect(restarted.secrets.get('sip.password')).toBe('hunter2');
    const otherFolder = await createKeyringSecrets('/data/b', keyring.factory);
    expect(otherFolder.secrets.get('sip.password')).toBeNull();

    restarted.secrets.delete('sip.password');
    expect(restarted.secrets.get('sip.password')).toBeNull();
    expect(keyring.saved.size).toBe(0);
  });

  it('without a reachable keyring keeps secrets for this run only, and says so', async () => {
    const keyring = fakeKeyring({ failWrites: "Couldn't access platform storage: AccessDenied" });
    const { secrets, unreachable } = await createKeyringSecrets('/data/a', keyring.factory);
    expect(unreachable).toMatch(/AccessDenied/);
    expect(secrets.persistent).toBe(false);
    expect(secrets.available).toBe(true);
    secrets.set('sip.password', 'hunter2');
    expect(secrets.get('sip.password')).toBe('hunter2');
    expect(keyring.saved.size).toBe(0);
    const restarted = await createKeyringSecrets('/data/a', keyring.factory);
    expect(restarted.secrets.get('sip.password')).toBeNull();
  });

  it('on this machine (no Secret Service) the real module falls back to the session, without throwing', async () => {
    const { secrets, unreachable } = await createKeyringSecrets('/tmp/dialdesk-keyring-probe');
    // Either a keyring answered (a desktop session) or the store says it is session-only: never a crash.
    expect(secrets.persistent).toBe(unreachable === null);
  });
});
