import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.js';
import { createMemorySecrets, type SecretStore } from '../../../main/core/settings/secret-store.js';
import { createMemorySettings } from '../../../main/core/settings/settings-store.js';
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
    expect(await statusWith(createMemorySecrets())).toBe('session');
  });

  it('says "system" for the OS-encrypted stores', async () => {
    const persistent: SecretStore = { ...createMemorySecrets(), persistent: true, available: true };
    expect(await statusWith(persistent)).toBe('system');
    await core?.close();
    core = null;
    const { persistent: _omitted, ...legacy } = createMemorySecrets();
    expect(await statusWith({ ...legacy, available: true })).toBe('system');
  });
});
