import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../main/core/core.js';
import { createConfSettings } from '../../../../main/core/settings/conf-settings.js';
import { createMemorySecrets } from '../../../support/memory-stores.js';
import { DEFAULT_SETTINGS } from '../../../../main/core/settings/settings-store.js';
import { createConfAccountStore } from '../../../../main/core/sip/account-store.js';
import { lockDataDir } from '../../../../main/core/store/data-dir-lock.js';
import { useTempDirs } from '../../../support/temp-dir.js';

const NOW = new Date('2026-12-01T05:00:00Z');
const ACCOUNT = {
  serverUrl: 'wss://pbx.example.com/ws',
  aor: 'sip:rep@pbx.example.com',
  authUsername: '',
  displayName: '',
  callerId: '',
  iceServers: [],
  dialPlan: 'sip:{e164}@pbx.example.com',
  ringTimeoutSeconds: 30,
  dtmfMode: 'rfc4733',
  inboundSuppression: 'busy-486',
  voicemailUri: '',
};

describe('settings files on load', () => {
  const tempDir = useTempDirs();

  it('uses a sip-account.json that passes the Phone screen checks', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sip-account.json'), JSON.stringify({ account: ACCOUNT }));
    const store = createConfAccountStore(dir, NOW);
    expect(store.notice).toBeNull();
    expect(store.get()).toEqual(ACCOUNT);
  });

  it('sets aside a sip-account.json with a ring timeout under 15 s, keeps its bytes, and starts with no account', () => {
    const dir = tempDir();
    const text = JSON.stringify({ account: { ...ACCOUNT, ringTimeoutSeconds: 5 } });
    writeFileSync(join(dir, 'sip-account.json'), text);
    const store = createConfAccountStore(dir, NOW);
    expect(store.get()).toBeNull();
    expect(store.notice).toMatch(/sip-account\.json could not be used \(account\.ringTimeoutSeconds: ring at least 15 s/);
    const kept = readdirSync(dir).find((name) => name.startsWith('sip-account.json.damaged-'))!;
    expect(store.notice).toContain(kept);
    expect(readFileSync(join(dir, kept), 'utf8')).toBe(text);
  });

  it('sets aside a settings.json that is not JSON or breaks the settings schema, and uses the defaults', () => {
    for (const text of ['{ not json', JSON.stringify({ repName: 'Ana', workingHours: { start: '17:00', end: '09:00', days: [1] } }), 'null']) {
      const dir = tempDir();
      writeFileSync(join(dir, 'settings.json'), text);
      const settings = createConfSettings(dir, NOW);
      expect(settings.notice, text).toMatch(/settings\.json could not be used .*defaults are in use/);
      expect(settings.get(), text).toEqual(DEFAULT_SETTINGS);
      const kept = readdirSync(dir).find((name) => name.startsWith('settings.json.damaged-'))!;
      expect(readFileSync(join(dir, kept), 'utf8'), text).toBe(text);
    }
  });

  it('keeps a valid settings.json, ignoring keys it does not know', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ repName: 'Ana', fromANewerApp: true }));
    const settings = createConfSettings(dir, NOW);
    expect(settings.notice).toBeNull();
    expect(settings.get().repName).toBe('Ana');
  });

  it('shows the notices in the app status', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    writeFileSync(join(dir, 'sip-account.json'), JSON.stringify({ account: { ...ACCOUNT, ringTimeoutSeconds: 3 } }));
    const core = await createCore({ dataDir: dir, settings: createConfSettings, secrets: createMemorySecrets() });
    try {
      const status = await core.dispatch('getStatus', {});
      expect(status).toMatchObject({ ok: true });
      const notices = (status as { value: { notices: string[] } }).value.notices;
      expect(notices).toEqual(expect.arrayContaining([expect.stringMatching(/^settings\.json could not be used/), expect.stringMatching(/^sip-account\.json could not be used/)]));
    } finally {
      await core.close();
    }
  });

  it('opens nothing in a folder another process owns: no settings read or set aside, no scripts or do-not-call file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    const owner = lockDataDir(dir);
    try {
      let settingsOpened = false;
      await expect(
        createCore({
          dataDir: dir,
          settings: (d) => {
            settingsOpened = true;
            return createConfSettings(d, NOW);
          },
          secrets: createMemorySecrets(),
        }),
      ).rejects.toMatchObject({ kind: 'busy' });
      expect(settingsOpened).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(['dialdesk.lock', 'settings.json']);
      expect(existsSync(join(dir, 'scripts.json'))).toBe(false);
    } finally {
      owner.release();
    }
  });
});
