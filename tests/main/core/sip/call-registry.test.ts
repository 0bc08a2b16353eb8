import { describe, expect, it } from 'vitest';
import type { Inviter } from 'sip.js';
import { createEventHub } from '../../../../main/core/api/event-hub.js';
import { CallRegistry } from '../../../../main/core/sip/call-registry.js';
import type { CallAttemptRecord } from '../../../../main/core/sip/index.js';

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

function registryWithSlowDisk(writeMs: number) {
  const events = createEventHub();
  const order: string[] = [];
  const records: CallAttemptRecord[] = [];
  const registry = new CallRegistry(
    {
      events,
      media: { create: () => { throw new Error('no media in this test'); } } as never,
      now: () => new Date('2026-03-10T15:00:00Z'),
      // A write that takes a while, as fsync does: it must finish before the call is said to have ended.
      recordAttempt: (attempt) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            records.push(attempt);
            order.push(`recorded ${attempt.outcome}`);
            resolve();
          }, writeMs),
        ),
      recordInbound: () => undefined,
    },
    quietLog,
    () => [],
  );
  events.subscribe((event) => {
    if (event.type === 'sip.call' && event.call.status === 'ended') order.push('ended event');
  });
  const outbound = (id: string) =>
    registry.add({} as Inviter, { id, direction: 'outbound', status: 'dialing', number: '+12125550147', remoteUri: 'sip:+12125550147@pbx', displayName: '', leadId: 'lead-1', startedAt: '2026-03-10T14:59:40.000Z' });
  return { registry, order, records, outbound };
}

describe('CallRegistry: how a call ends', () => {
  it('writes a SIP-settled attempt (busy) before the ended event that moves a dial block on', async () => {
    const { registry, order, outbound } = registryWithSlowDisk(30);
    registry.endCall(outbound('c1'), 'rejected' as never, 486);
    await new Promise((r) => setTimeout(r, 80));
    expect(order).toEqual(['recorded busy', 'ended event']);
  });

  it('records the rep’s own cancel while ringing as canceled, the ring timeout as no-answer', async () => {
    const { registry, records, outbound } = registryWithSlowDisk(1);
    const byRep = outbound('c2');
    byRep.cancelReason = 'cancelled';
    registry.endCall(byRep, 'cancelled' as never, 487);
    const timedOut = outbound('c3');
    timedOut.cancelReason = 'ring-timeout';
    registry.endCall(timedOut, 'ring-timeout' as never, 487);
    await new Promise((r) => setTimeout(r, 30));
    expect(records.map((r) => [r.callId, r.outcome])).toEqual([
      ['c2', 'canceled'],
      ['c3', 'no-answer'],
    ]);
  });
});
