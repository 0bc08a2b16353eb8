import { describe, expect, it, vi } from 'vitest';
import type { CallView } from '../../../shared/sip.js';
import type { SipState } from '../../../renderer/ui/sip-state.js';

// The host module opens the window's WebHID link on import; here there is no navigator.hid.
vi.stubGlobal('navigator', {});
const { lineSituation } = await import('../../../renderer/headset/headset-host.js');

const call = (over: Partial<CallView>): CallView =>
  ({ id: 'c1', direction: 'outbound', status: 'connected', number: '+12125550147', remoteUri: '', displayName: '', leadId: 'l1', startedAt: '', answeredAt: null, endedAt: null, endReason: null, sipStatus: null, outcome: null, muted: false, held: false, ...over }) as CallView;
const state = (calls: CallView[], announced: string[] = []): SipState => ({ registration: null, calls, announced, dismissed: null });

describe('lineSituation: what a headset button means now', () => {
  it('an answered outbound call in a running block lets Flash drop the voicemail; outside a block it does not', () => {
    const running = { status: 'running' } as never;
    expect(lineSituation(state([call({})]), running)).toEqual({ ringingInbound: false, inCall: true, blockCallAnswered: true });
    expect(lineSituation(state([call({})]), null)).toEqual({ ringingInbound: false, inCall: true, blockCallAnswered: false });
    expect(lineSituation(state([call({ status: 'ringing' })]), running).blockCallAnswered).toBe(false);
  });

  it('an announced inbound call rings; an ended call is no call', () => {
    const inbound = call({ id: 'in1', direction: 'inbound', status: 'ringing' });
    expect(lineSituation(state([inbound], ['in1']), null)).toMatchObject({ ringingInbound: true, inCall: false });
    expect(lineSituation(state([call({ status: 'ended' })]), null)).toEqual({ ringingInbound: false, inCall: false, blockCallAnswered: false });
  });
});
