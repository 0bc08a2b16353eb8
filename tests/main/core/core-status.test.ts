import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.js';
import type { SecretStore } from '../../../main/core/settings/secret-store.js';
import { createSessionSecrets } from '../../../main/web/keyring-secrets.js';
import { createMemorySecrets, createMemorySettings } from '../../support/memory-stores.js';
import { useTempDirs } from '../../support/temp-dir.js';

describe('getStatus: where the SIP password is kept', () => {
  const tempDir = useTempDirs();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  const statusWith = async (secrets: SecretStore) => {
    core = await createCore({ dataDir: tempDir(), settings: createMemorySettings(), secrets });
    const status = await core.dispatch('getStatus', {});
    if (!status.ok) throw new Error(status.error.message);
    return (status.value as { passwordStorage: string }).passwordStorage;
  };

  it('says "session" when the secret store lasts only as long as the process (web shell without a keyring)', async () => {
    expect(await statusWith(createSessionSecrets())).toBe('session');
  });

  it('says "system" for the OS-encrypted stores', async () => {
    const persistent: SecretStore = { ...createMemorySecrets(), persistent: true };
    expect(await statusWith(persistent)).toBe('system');
    await core?.close();
    core = null;
    // A store that does not say (the tests' memory double) counts as the system's.
    expect(await statusWith(createMemorySecrets())).toBe('system');
  });
});
