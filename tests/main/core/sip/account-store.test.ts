import { describe, expect, it } from 'vitest';
import { saveSipAccountSchema, sipAccountSchema } from '../../../../shared/contract/sip.js';
import type { SipAccount } from '../../../../shared/sip.js';
import { ApiFailure } from '../../../../main/core/api/api-failure.js';
import type { SecretStore } from '../../../../main/core/settings/secret-store.js';
import { SipAccounts, SIP_PASSWORD_KEY } from '../../../../main/core/sip/account-store.js';
import { createMemoryAccountStore, createMemorySecrets } from '../../../support/memory-stores.js';

const valid: SipAccount = {
  serverUrl: 'wss://pbx.example.com:8089/ws',
  aor: 'sip:rep@pbx.example.com',
  authUsername: '',
  displayName: 'Rep',
  callerId: '+15551234567',
  iceServers: ['stun:stun.example.com:3478'],
  dialPlan: 'sip:{e164}@pbx.example.com',
  ringTimeoutSeconds: 25,
  dtmfMode: 'rfc4733',
  inboundSuppression: 'busy-486',
  voicemailUri: '',
};

const issues = (input: unknown) => {
  const r = sipAccountSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('SIP account validation', () => {
  it('accepts a full account and fills defaults for the optional fields', () => {
    expect(issues(valid)).toEqual([]);
    const minimal = sipAccountSchema.parse({ serverUrl: 'ws://127.0.0.1:25088', aor: 'sip:rep@127.0.0.1', dialPlan: 'sip:{digits}@pbx' });
    expect(minimal).toMatchObject({ ringTimeoutSeconds: 25, dtmfMode: 'rfc4733', inboundSuppression: 'busy-486', iceServers: [] });
  });

  it('keeps the ring timeout at 15 s or more', () => {
    expect(issues({ ...valid, ringTimeoutSeconds: 14 })).toEqual(['ringTimeoutSeconds']);
    expect(issues({ ...valid, ringTimeoutSeconds: 15 })).toEqual([]);
    expect(issues({ ...valid, ringTimeoutSeconds: 121 })).toEqual(['ringTimeoutSeconds']);
  });

  it('rejects bad URLs, addresses, dial plans, caller IDs and ICE servers', () => {
    expect(issues({ ...valid, serverUrl: 'https://pbx.example.com' })).toEqual(['serverUrl']);
    expect(issues({ ...valid, aor: 'rep@pbx' })).toEqual(['aor']);
    expect(issues({ ...valid, dialPlan: 'sip:pbx.example.com' })).toEqual(['dialPlan']);
    expect(issues({ ...valid, dialPlan: 'sip:{phone}@pbx' })).toContain('dialPlan');
    expect(issues({ ...valid, callerId: '555-1234' })).toEqual(['callerId']);
    expect(issues({ ...valid, iceServers: ['stun.example.com'] })).toEqual(['iceServers.0']);
  });

  it('requires a voicemail address to divert to', () => {
    expect(issues({ ...valid, inboundSuppression: 'divert-302' })).toEqual(['voicemailUri']);
    expect(issues({ ...valid, inboundSuppression: 'divert-302', voicemailUri: 'sip:vm@pbx.example.com' })).toEqual([]);
  });

  it('is strict: no password (or anything else) hides inside the account', () => {
    expect(issues({ ...valid, password: 'x' })).toEqual(['']);
    expect(saveSipAccountSchema.safeParse({ account: valid, password: '' }).success).toBe(false);
  });
});

describe('account storage and the password', () => {
  const setup = (secrets: SecretStore = createMemorySecrets()) => {
    const store = createMemoryAccountStore();
    return { store, secrets, accounts: new SipAccounts(store, secrets) };
  };

  it('keeps the password in the SecretStore only and never returns it', () => {
    const { store, secrets, accounts } = setup();
    const view = accounts.save(valid, 'hunter2', false);
    expect(view.hasPassword).toBe(true);
    expect(JSON.stringify(view)).not.toContain('hunter2');
    expect(JSON.stringify(store.get())).not.toContain('hunter2');
    expect(secrets.get(SIP_PASSWORD_KEY)).toBe('hunter2');
  });

  it('keeps the stored password when none is given, clears it on request', () => {
    const { accounts } = setup();
    accounts.save(valid, 'hunter2', false);
    expect(accounts.save({ ...valid, displayName: 'New' }, undefined, false)).toMatchObject({ hasPassword: true, displayName: 'New' });
    expect(accounts.password()).toBe('hunter2');
    expect(accounts.save(valid, undefined, true).hasPassword).toBe(false);
    expect(accounts.password()).toBeNull();
  });

  it('clears the stored password when the server or the identity changes and no password is sent', () => {
    const changes: [string, SipAccount][] = [
      ['server host', { ...valid, serverUrl: 'wss://attacker.example:8089/ws' }],
      ['server port', { ...valid, serverUrl: 'wss://pbx.example.com:9999/ws' }],
      ['server scheme', { ...valid, serverUrl: 'ws://pbx.example.com:8089/ws' }],
      ['SIP address', { ...valid, aor: 'sip:boss@pbx.example.com' }],
      ['SIP address domain', { ...valid, aor: 'sip:rep@attacker.example' }],
      ['auth username', { ...valid, authUsername: 'someone-else' }],
    ];
    for (const [what, changed] of changes) {
      const { accounts } = setup();
      accounts.save(valid, 'hunter2', false);
      expect(accounts.save(changed, undefined, false).hasPassword, what).toBe(false);
      expect(accounts.password(), what).toBeNull();
    }
  });

  it('keeps the password for the same server and identity (path, display name, dial plan may change), and takes one re-entered with a new server', () => {
    const { accounts } = setup();
    accounts.save(valid, 'hunter2', false);
    expect(accounts.save({ ...valid, serverUrl: 'wss://PBX.example.com:8089/other', dialPlan: 'sip:9{digits}@pbx.example.com' }, undefined, false).hasPassword).toBe(true);
    expect(accounts.save({ ...valid, serverUrl: 'wss://new-pbx.example.com/ws' }, 'n3w-pass', false).hasPassword).toBe(true);
    expect(accounts.password()).toBe('n3w-pass');
  });

  it('does not attach a password kept without an account to the first account saved', () => {
    const { accounts, secrets } = setup();
    secrets.set(SIP_PASSWORD_KEY, 'left-over');
    expect(accounts.save(valid, undefined, false).hasPassword).toBe(false);
  });

  it('refuses to save a password when the system has no encryption', () => {
    const { accounts, store } = setup({ ...createMemorySecrets(), available: false });
    expect(() => accounts.save(valid, 'hunter2', false)).toThrow(ApiFailure);
    expect(store.get()).toBeNull();
  });
});
