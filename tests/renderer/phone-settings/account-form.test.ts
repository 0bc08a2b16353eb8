import { describe, expect, it } from 'vitest';
import { sipAccountSchema } from '../../../shared/contract/sip.js';
import type { SipAccountView } from '../../../shared/sip.js';
import { accountField, toAccountForm, toSaveInput } from '../../../renderer/phone-settings/account-form.js';
import { issuesByField } from '../../../renderer/ui/validation-issues.js';

const saved: SipAccountView = {
  serverUrl: 'wss://pbx.example.com:8089/ws',
  aor: 'sip:rep@pbx.example.com',
  authUsername: '',
  displayName: 'Dana',
  callerId: '+15125550182',
  iceServers: ['stun:stun.example.com:3478'],
  dialPlan: 'sip:{e164}@pbx.example.com',
  ringTimeoutSeconds: 30,
  dtmfMode: 'rfc4733',
  inboundSuppression: 'busy-486',
  voicemailUri: '',
  hasPassword: true,
};

describe('phone account form', () => {
  it('never shows the password and keeps the saved one unless a new one is typed', () => {
    const form = toAccountForm(saved);
    expect(form.password).toBe('');
    const input = toSaveInput(form);
    expect(input).not.toHaveProperty('password');
    expect(input.clearPassword).toBe(false);
    expect(toSaveInput({ ...form, password: 's3cret' }).password).toBe('s3cret');
    expect(toSaveInput({ ...form, clearPassword: true }).clearPassword).toBe(true);
    // Typing a new password wins over "forget".
    expect(toSaveInput({ ...form, password: 'new', clearPassword: true }).clearPassword).toBe(false);
  });

  it('round-trips a saved account into input the contract accepts', () => {
    const { account } = toSaveInput(toAccountForm(saved));
    const { hasPassword: _omit, ...expected } = saved;
    expect(account).toEqual(expected);
    expect(sipAccountSchema.safeParse(account).success).toBe(true);
  });

  it('trims, splits ICE servers by line or comma, strips caller-ID punctuation, keeps a bad ring timeout bad', () => {
    const form = {
      ...toAccountForm(null),
      serverUrl: ' ws://127.0.0.1:25088 ',
      aor: 'sip:rep@127.0.0.1',
      iceServers: 'stun:a.example.com\n\nstun:b.example.com, turn:c.example.com',
      callerId: '+1 (512) 555-0182',
      dialPlan: 'sip:{digits}@127.0.0.1',
      ringTimeoutSeconds: 'ten',
    };
    const { account } = toSaveInput(form);
    expect(account.serverUrl).toBe('ws://127.0.0.1:25088');
    expect(account.iceServers).toEqual(['stun:a.example.com', 'stun:b.example.com', 'turn:c.example.com']);
    expect(account.callerId).toBe('+15125550182');
    expect(Number.isNaN(account.ringTimeoutSeconds)).toBe(true);
    expect(toSaveInput({ ...form, ringTimeoutSeconds: '20' }).account.ringTimeoutSeconds).toBe(20);
  });

  it('puts the core\'s issues next to their fields, with or without the "account." prefix', () => {
    const { fields, general } = issuesByField(
      [
        { path: ['account', 'serverUrl'], message: 'expected a WebSocket URL such as wss://pbx.example.com:8089/ws' },
        { path: ['ringTimeoutSeconds'], message: 'ring at least 15 s so a lead can pick up' },
        { path: ['account', 'iceServers', '1'], message: 'expected stun:host:port or turn:host:port' },
        { path: ['account', 'voicemailUri'], message: 'diverting to voicemail needs a voicemail SIP address' },
        { path: ['password'], message: 'Too small' },
        { path: [], message: 'something else' },
      ],
      accountField,
    );
    expect(fields.serverUrl).toEqual(['expected a WebSocket URL such as wss://pbx.example.com:8089/ws']);
    expect(fields.ringTimeoutSeconds).toEqual(['ring at least 15 s so a lead can pick up']);
    expect(fields.iceServers).toEqual(['expected stun:host:port or turn:host:port']);
    expect(fields.voicemailUri).toEqual(['diverting to voicemail needs a voicemail SIP address']);
    expect(fields.password).toEqual(['Too small']);
    expect(general).toEqual([{ path: [], message: 'something else' }]);
  });
});
