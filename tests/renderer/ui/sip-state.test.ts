import { describe, expect, it } from 'vitest';
import { applySipEvent, currentCall, INITIAL_SIP_STATE, onCall, ringingCalls, withCalls, type SipState } from '../../../renderer/ui/sip-state.js';
import { call, registration } from '../../support/sip-views.js';

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
