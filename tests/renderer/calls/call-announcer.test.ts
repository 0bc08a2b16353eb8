import { describe, expect, it } from 'vitest';
import { callAnnouncement } from '../../../renderer/calls/call-announcer.js';
import { call } from '../../support/sip-views.js';

describe('call announcements for screen readers', () => {
  it('says each outbound step with the name, and why a call ended', () => {
    const base = { direction: 'outbound' as const, displayName: 'Dana Whitfield', number: '+12125550101' };
    expect(callAnnouncement(call({ ...base, status: 'dialing' }))).toBe('Calling Dana Whitfield');
    expect(callAnnouncement(call({ ...base, status: 'ringing' }))).toBe('Ringing Dana Whitfield');
    expect(callAnnouncement(call({ ...base, status: 'connected' }))).toBe('Connected with Dana Whitfield');
    expect(callAnnouncement(call({ ...base, status: 'ended', endReason: 'ring-timeout' }))).toBe('Call with Dana Whitfield ended: ring timeout');
    expect(callAnnouncement(call({ ...base, status: 'early-media' }))).toBeNull();
  });

  it('announces an inbound call by number when it has no name', () => {
    expect(callAnnouncement(call({ direction: 'inbound', status: 'ringing', displayName: '', number: '+14155550107' }))).toBe('Incoming call from +14155550107');
  });
});
