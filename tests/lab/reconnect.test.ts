/**
 * Kamailio killed mid-session (SIGKILL to its process group: no goodbye on the WebSocket beyond
 * the kernel's RST) and started again. The same SipService — same UserAgent, no restart — must
 * end the call in progress as "network", report offline since the drop, and re-register within
 * 10 s of Kamailio being back.
 */
import { describe, expect, it } from 'vitest';
import { stopLabAfterAll } from './cleanup.js';
import { Lab } from './lab.js';
import { SipClient } from './sip-client.js';

describe('transport loss and recovery', () => {
  const lab = new Lab('reconnect');
  let rep: SipClient | null = null;

  stopLabAfterAll(lab, async () => {
    await rep?.close();
  });

  it('ends the call as network, goes offline, and re-registers within 10 s of Kamailio returning', async () => {
    const kamailio = await lab.startKamailio({ auth: true });
    rep = new SipClient();
    await rep.service.start();
    await rep.waitRegistration('registered');

    const sipp = await lab.startSipp({ role: 'uas', scenario: 'uas' });
    const call = await rep.service.dial({ number: '+15550003333', leadId: 'lead-net' });
    await rep.waitCall(call.id, (c) => c.status === 'connected', 'connected');

    const killedAt = Date.now();
    kamailio.signal('SIGKILL');
    await kamailio.waitExit(5000);

    const ended = await rep.waitEnded(call.id, 5000);
    expect(ended).toMatchObject({ endReason: 'network', outcome: 'answered' });
    expect(rep.attempts).toEqual([expect.objectContaining({ leadId: 'lead-net', outcome: 'answered' })]);
    const offline = await rep.waitRegistration('offline', 5000);
    expect(Date.parse(offline.offlineSince!)).toBeGreaterThanOrEqual(killedAt - 1000);
    expect(offline.nextRetryAt).not.toBeNull();
    await sipp.stop();

    // Down for a while: retries fail and back off, offlineSince stays put.
    await rep.waitUntil('two failed retries', () =>
      rep!.registrationStatuses().filter((s) => s === 'offline').length >= 3 ? true : undefined, 10_000);
    expect(rep.service.getRegistration().offlineSince).toBe(offline.offlineSince);

    await lab.startKamailio({ auth: true });
    const backAt = Date.now();
    await rep.waitRegistration('registered', 10_000);
    expect(Date.now() - backAt).toBeLessThan(10_000);
    // Never went through idle: the UserAgent was not restarted, it reconnected.
    expect(rep.registrationStatuses()).not.toContain('idle');

    // And the line works again: a new call goes through the restarted Kamailio.
    const sipp2 = await lab.startSipp({ role: 'uas', scenario: 'uas_busy.xml' });
    const again = await rep.service.dial({ number: '+15550003333', leadId: null });
    expect((await rep.waitEnded(again.id)).sipStatus).toBe(486);
    expect((await sipp2.waitExit(10_000)).code).toBe(0);
  });
});
