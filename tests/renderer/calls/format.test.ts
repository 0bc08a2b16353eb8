import { describe, expect, it } from 'vitest';
import { clockTime } from '../../../renderer/ui/format-time.js';
import { callStateText, endText, formatDuration, registrationText } from '../../../renderer/calls/format.js';
import { call, registration } from '../../support/sip-views.js';

describe('phone texts', () => {
  it('says how the line is, with offline since hh:mm and the next retry', () => {
    expect(registrationText(null).text).toBe('Phone: checking…');
    expect(registrationText(registration({})).text).toBe('Phone: no account set up');
    expect(registrationText(registration({ status: 'registered', aor: 'sip:rep@pbx' }))).toEqual({ text: 'Phone: registered as sip:rep@pbx', tone: 'ok' });
    expect(registrationText(registration({ status: 'failed', reason: 'authentication failed' }))).toEqual({ text: 'Phone: authentication failed', tone: 'error' });
    const since = new Date(2025, 2, 4, 9, 5).toISOString();
    const retry = new Date(2025, 2, 4, 9, 7).toISOString();
    expect(registrationText(registration({ status: 'offline', reason: 'server unreachable', offlineSince: since, nextRetryAt: retry })).text).toBe(
      'Phone: offline since 09:05 (server unreachable); retrying at 09:07',
    );
    expect(clockTime(new Date(2025, 0, 1, 23, 59).toISOString())).toBe('23:59');
  });

  it('formats call time and why a call ended', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_900)).toBe('0:07');
    expect(formatDuration(750_000)).toBe('12:30');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(endText(call({ status: 'ended', endReason: 'rejected', sipStatus: 486 }))).toBe('Not connected: busy (SIP 486)');
    expect(endText(call({ status: 'ended', endReason: 'rejected', sipStatus: 599 }))).toBe('Not connected: refused (SIP 599)');
    expect(endText(call({ status: 'ended', endReason: 'hangup-local' }))).toBe('You hung up');
    expect(callStateText(call({ status: 'connected', held: true }))).toBe('On hold');
    expect(callStateText(call({ status: 'ringing', direction: 'inbound' }))).toBe('Incoming call');
  });
});
