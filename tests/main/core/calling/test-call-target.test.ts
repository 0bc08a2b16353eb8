import { describe, expect, it } from 'vitest';
import { testCallTarget } from '../../../../main/core/calling/test-call-target.js';

const ACCOUNT = { aor: 'sip:rep@pbx.example.com', dialPlan: 'sip:{e164}@trunk.example.net:5060' };

describe('testCallTarget: what a rep types into the test call', () => {
  it('reads a phone number as typed: E.164, formatted, or national in the rep\'s country', () => {
    expect(testCallTarget('+1 (415) 555-0107', 'US', ACCOUNT)).toEqual({ kind: 'number', number: '+14155550107' });
    expect(testCallTarget('(415) 555-0107', 'US', ACCOUNT)).toEqual({ kind: 'number', number: '+14155550107' });
    expect(testCallTarget('020 7946 0018', 'GB', ACCOUNT)).toEqual({ kind: 'number', number: '+442079460018' });
    expect(testCallTarget('030 901820', 'DE', null)).toEqual({ kind: 'number', number: '+4930901820' });
  });

  it("reads an extension or a SIP address of the rep's own PBX as an own line", () => {
    expect(testCallTarget('600', 'US', ACCOUNT)).toEqual({ kind: 'own-line', uri: 'sip:600@pbx.example.com' });
    expect(testCallTarget('echo', 'US', ACCOUNT)).toEqual({ kind: 'own-line', uri: 'sip:echo@pbx.example.com' });
    expect(testCallTarget(' sip:echo@PBX.example.com ', 'US', ACCOUNT)).toEqual({ kind: 'own-line', uri: 'sip:echo@PBX.example.com' });
    // The PBX the dial plan sends numbers to is the rep's own too.
    expect(testCallTarget('sips:9196@trunk.example.net', 'US', ACCOUNT)).toEqual({ kind: 'own-line', uri: 'sips:9196@trunk.example.net' });
  });

  it('checks a phone number hidden in a SIP address as a number', () => {
    expect(testCallTarget('sip:+14155550107@pbx.example.com', 'US', ACCOUNT)).toEqual({ kind: 'number', number: '+14155550107' });
    expect(testCallTarget('sip:4155550107@pbx.example.com', 'US', ACCOUNT)).toEqual({ kind: 'number', number: '+14155550107' });
  });

  it('refuses with a reason: another domain, an emergency code, no account, or text that is none of these', () => {
    expect(testCallTarget('sip:echo@evil.example.com', 'US', ACCOUNT)).toEqual({
      kind: 'refused',
      reason: "sip:echo@evil.example.com is not on your phone account's domain (pbx.example.com or trunk.example.net); test-call a line of your own PBX or a phone number",
    });
    expect(testCallTarget('911', 'US', ACCOUNT)).toEqual({ kind: 'refused', reason: '911 is an emergency number; a test call never goes there' });
    expect(testCallTarget('sip:112@pbx.example.com', 'DE', ACCOUNT)).toMatchObject({ kind: 'refused' });
    expect(testCallTarget('600', 'US', null)).toEqual({ kind: 'refused', reason: 'No SIP account is set up: an extension needs your own PBX' });
    expect(testCallTarget('call my mobile', 'US', ACCOUNT)).toEqual({
      kind: 'refused',
      reason: '“call my mobile” is not a phone number (in US or with its + country code), an extension or a SIP address such as sip:echo@pbx.example.com',
    });
    expect(testCallTarget('555-01', 'US', ACCOUNT)).toMatchObject({ kind: 'refused' });
  });
});
