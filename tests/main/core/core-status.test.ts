import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.js';
import type { SecretStore } from '../../../main/core/settings/secret-store.js';
import { createSessionSecrets } from '../../../main/web/keyring-secrets.js';
import { createMemorySecrets, createMemorySettings } from '../../support/memory-stores.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { makeLead } from '../../support/fixtures.js';
import { LeadStore } from '../../../main/core/store/lead-store.js';

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

describe('getStatus: records set aside when the store opened', () => {
  const tempDir = useTempDirs();

  it('opens with the readable leads and says how many could not be read and where they are', async () => {
    const dir = tempDir();
    const store = await LeadStore.open(dir);
    const [ana, bo] = [makeLead({ phone: '+12125550111' }), makeLead({ phone: '+12125550112' })];
    await store.addLeads([ana, bo]);
    await store.close();
    writeFileSync(join(dir, 'leads.json'), readFileSync(join(dir, 'leads.json'), 'utf8').replace(`"phone":"${bo.phone}"`, '"phone":12125550112'));

    const core = await createCore({ dataDir: dir, settings: createMemorySettings(), secrets: createMemorySecrets() });
    try {
      const status = await core.dispatch('getStatus', {});
      if (!status.ok) throw new Error(status.error.message);
      const value = status.value as { store: unknown; leadCount: number; notices: string[] };
      expect(value.store).toEqual({ state: 'ready' });
      expect(value.leadCount).toBe(1);
      expect(value.notices).toContain(`1 lead could not be read and was set aside (see ${join(dir, 'quarantine', 'lead.jsonl')}).`);
    } finally {
      await core.close();
    }
  });
});
