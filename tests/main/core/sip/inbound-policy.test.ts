import { describe, expect, it } from 'vitest';
import { INBOUND_SUPPRESSIONS } from '../../../../shared/sip.js';
import { decideInbound } from '../../../../main/core/sip/inbound-policy.js';
import { outcomeForOutbound } from '../../../../main/core/sip/outcome.js';

describe('inbound suppression policy', () => {
  const base = { dialBlockActive: false, onCall: false, suppression: 'busy-486' as const, voicemailUri: '' };

  it('rings outside a dial block when the rep is free, whatever the suppression setting', () => {
    for (const suppression of INBOUND_SUPPRESSIONS) {
      expect(decideInbound({ ...base, suppression, voicemailUri: 'sip:vm@pbx' })).toEqual({ action: 'ring' });
    }
  });

  it('answers as configured during a dial block', () => {
    expect(decideInbound({ ...base, dialBlockActive: true })).toEqual({
      action: 'reject', statusCode: 486, response: 'busy-486', reason: 'dial block active',
    });
    expect(decideInbound({ ...base, dialBlockActive: true, suppression: 'unavailable-480' })).toEqual({
      action: 'reject', statusCode: 480, response: 'unavailable-480', reason: 'dial block active',
    });
    expect(decideInbound({ ...base, dialBlockActive: true, suppression: 'divert-302', voicemailUri: 'sip:vm@pbx' })).toEqual({
      action: 'redirect', statusCode: 302, contact: 'sip:vm@pbx', response: 'diverted-302', reason: 'dial block active',
    });
  });

  it('is always suppressed when already on a call, block or not', () => {
    for (const dialBlockActive of [false, true]) {
      const d = decideInbound({ ...base, onCall: true, dialBlockActive });
      expect(d).toMatchObject({ action: 'reject', statusCode: 486, reason: 'already on a call' });
    }
  });

  it('falls back to 486 when diverting without a voicemail address (never leaves a caller hanging)', () => {
    expect(decideInbound({ ...base, dialBlockActive: true, suppression: 'divert-302', voicemailUri: '' })).toMatchObject({
      action: 'reject', statusCode: 486, response: 'busy-486',
    });
  });
});

describe('SIP result → attempt outcome', () => {
  const end = (sipStatus: number | null, extra: Partial<{ answered: boolean; cancelledBy: 'rep' | 'ring-timeout' | null }> = {}) =>
    outcomeForOutbound({ answered: false, cancelledBy: null, sipStatus, ...extra });

  it.each([
    [486, 'busy'], [600, 'busy'], [603, 'busy'],
    [404, 'bad-number'], [484, 'bad-number'], [604, 'bad-number'], [410, 'bad-number'],
    [480, 'no-answer'], [408, 'no-answer'], [487, 'no-answer'],
    [503, 'failed'], [500, 'failed'], [502, 'failed'], [403, 'failed'], [488, 'failed'],
  ] as const)('%i → %s', (status, outcome) => {
    expect(end(status)).toBe(outcome);
  });

  it('answered → answered (held open for the rep to settle: person or machine), even when the BYE came later', () => {
    expect(end(200, { answered: true })).toBe('answered');
  });

  it('our CANCEL: after the ring timeout → no-answer, on the rep’s Esc → canceled, whatever came back', () => {
    expect(end(487, { cancelledBy: 'ring-timeout' })).toBe('no-answer');
    expect(end(null, { cancelledBy: 'ring-timeout' })).toBe('no-answer');
    // The rep's own Esc while it rang: the lead never had the chance to answer.
    expect(end(487, { cancelledBy: 'rep' })).toBe('canceled');
    expect(end(null, { cancelledBy: 'rep' })).toBe('canceled');
  });

  it('no final status at all (network, media) → failed, not counted against the lead', () => {
    expect(end(null)).toBe('failed');
  });
});
