import { describe, expect, it } from 'vitest';
import type { CallView, RegistrationState } from '../../../shared/sip.js';
import { applySipEvent, currentCall, INITIAL_SIP_STATE, onCall, ringingCalls, withCalls, type SipState } from '../../../renderer/ui/sip-state.js';
import { callStateText, clockTime, endText, formatDuration, registrationText } from '../../../renderer/calls/format.js';

const call = (patch: Partial<CallView>): CallView => ({
  id: 'c1',
  direction: 'outbound',
  status: 'dialing',
  number: '+15550100',
  remoteUri: 'sip:15550100@pbx',
  displayName: '',
  leadId: null,
  startedAt: '2025-03-04T14:00:00.000Z',
  answeredAt: null,
  endedAt: null,
  endReason: null,
  sipStatus: null,
  outcome: null,
  muted: false,
  held: false,
  ...patch,
});

const registration = (patch: Partial<RegistrationState>): RegistrationState => ({
  status: 'idle',
  reason: null,
  offlineSince: null,
  nextRetryAt: null,
  registeredAt: null,
  aor: null,
  ...patch,
});

const fold = (events: Parameters<typeof applySipEvent>[1][], from: SipState = INITIAL_SIP_STATE) => events.reduce(applySipEvent, from);

describe('SIP state for the phone UI', () => {
  it('follows an outbound call from dialing to ended, then shows its summary until dismissed', () => {
    let state = fold([
      { type: 'sip.call', call: call({}), previous: null },
      { type: 'sip.call', call: call({ status: 'ringing' }), previous: 'dialing' },
    ]);
    expect(currentCall(state)?.status).toBe('ringing');
    expect(onCall(state)).toBe(true);
    state = fold([{ type: 'sip.call', call: call({ status: 'ended', endReason: 'ring-timeout' }), previous: 'ringing' }], state);
    expect(state.calls).toHaveLength(1);
    expect(currentCall(state)?.endReason).toBe('ring-timeout');
    expect(onCall(state)).toBe(false);
    expect(currentCall({ ...state, dismissed: 'c1' })).toBeNull();
  });

  it('rings only for inbound calls the core announced; a suppressed one never rings nor shows a summary', () => {
    const ringing = call({ id: 'in1', direction: 'inbound', status: 'ringing' });
    let state = fold([{ type: 'sip.call', call: ringing, previous: null }]);
    expect(ringingCalls(state)).toEqual([]);
    state = fold([{ type: 'sip.inbound', call: ringing }], state);
    expect(ringingCalls(state).map((c) => c.id)).toEqual(['in1']);
    // Ringing is the panel's business, not the call bar's.
    expect(currentCall(state)).toBeNull();
    state = fold([{ type: 'sip.call', call: { ...ringing, status: 'connected' }, previous: 'ringing' }], state);
    expect(ringingCalls(state)).toEqual([]);
    expect(currentCall(state)?.id).toBe('in1');

    const suppressed = fold([
      { type: 'sip.call', call: call({ id: 's1', direction: 'inbound', status: 'ringing' }), previous: null },
      { type: 'sip.call', call: call({ id: 's1', direction: 'inbound', status: 'ended', endReason: 'suppressed' }), previous: 'ringing' },
    ]);
    expect(ringingCalls(suppressed)).toEqual([]);
    expect(currentCall(suppressed)).toBeNull();
  });

  it('keeps registration from events and does not let a late listCalls answer undo a newer event', () => {
    let state = fold([{ type: 'sip.registration', registration: registration({ status: 'registered', aor: 'sip:rep@pbx' }) }]);
    expect(state.registration?.status).toBe('registered');
    state = fold([{ type: 'sip.call', call: call({ status: 'ended', endReason: 'cancelled' }), previous: 'ringing' }], state);
    state = withCalls(state, [call({ status: 'ringing' }), call({ id: 'c2', status: 'connected' })]);
    expect(state.calls.find((c) => c.id === 'c1')?.status).toBe('ended');
    expect(state.calls.find((c) => c.id === 'c2')?.status).toBe('connected');
  });

  it('keeps the last ten calls', () => {
    const events = Array.from({ length: 14 }, (_, i) => ({ type: 'sip.call' as const, call: call({ id: `c${i}`, status: 'ended' }), previous: null }));
    const state = fold(events);
    expect(state.calls.map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => `c${i + 4}`));
  });
});

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
