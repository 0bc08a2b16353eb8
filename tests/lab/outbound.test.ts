/**
 * Outbound calls from the core through Kamailio (digest auth on, so every INVITE is answered with
 * 407 first) to sipp playing the lead's phone. Each test checks the call's state path, its end
 * reason, the SIP status, the attempt outcome handed to the store, and that sipp's own scenario
 * passed (exit code 0 = the far end saw exactly the expected messages).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stopLabAfterAll } from './cleanup.js';
import { Lab, LAB_DOMAIN, type LabProcess } from './lab.js';
import { RING_TIMEOUT_MIN_SECONDS } from '../../shared/sip.js';
import { SipClient } from './sip-client.js';

const LEAD = 'lead-outbound';
const NUMBER = '+15550001111';

describe('outbound calls (Kamailio + sipp)', () => {
  const lab = new Lab('outbound');
  let kamailio: LabProcess;
  let rep: SipClient;
  let sipp: LabProcess | null = null;

  beforeAll(async () => {
    kamailio = await lab.startKamailio({ auth: true });
    // The shortest ring timeout the product allows, so the no-answer case waits no longer than it must.
    rep = new SipClient({ account: { ringTimeoutSeconds: RING_TIMEOUT_MIN_SECONDS } });
    await rep.service.start();
    await rep.waitRegistration('registered');
  });

  afterEach(async () => {
    // A failed test must not leave its sipp holding the UAS port for the next one.
    await sipp?.stop();
    sipp = null;
  });

  stopLabAfterAll(lab, async () => {
    await rep?.close();
  });

  const sippExit = async () => {
    const exit = await sipp!.waitExit(15_000);
    expect(exit.code, `sipp scenario failed; see ${sipp!.logFile} and ${lab.runDir}`).toBe(0);
  };

  it('answered, then the rep hangs up (BYE from us)', async () => {
    sipp = await lab.startSipp({ role: 'uas', scenario: 'uas', rtpEcho: true });
    const call = await rep.service.dial({ number: NUMBER, leadId: LEAD });
    expect(call.status).toBe('dialing');
    await rep.waitCall(call.id, (c) => c.status === 'connected', 'connected');
    await rep.service.hangUp(call.id);
    const ended = await rep.waitEnded(call.id);
    expect(ended).toMatchObject({ endReason: 'hangup-local', sipStatus: 200, outcome: 'answered' });
    // sipp's built-in uas sends 180 and 200 back to back: whether 'ringing' is seen first is timing.
    expect(rep.callStatuses(call.id).filter((s) => s !== 'ringing')).toEqual(['dialing', 'connected', 'ended']);
    expect(rep.attempts.at(-1)).toMatchObject({ leadId: LEAD, outcome: 'answered', sipStatus: 200, source: 'call' });
    // The INVITE was challenged and answered with credentials.
    await kamailio.waitFor(/AUTH challenge INVITE sip:rep@/, 2000);
    await sippExit();
  });

  it('answered, then the lead hangs up (BYE from the far side)', async () => {
    sipp = await lab.startSipp({ role: 'uas', scenario: 'uas_answer_remote_bye.xml' });
    const call = await rep.service.dial({ number: NUMBER, leadId: LEAD });
    await rep.waitCall(call.id, (c) => c.status === 'connected', 'connected');
    const ended = await rep.waitEnded(call.id);
    expect(ended).toMatchObject({ endReason: 'hangup-remote', sipStatus: 200, outcome: 'answered' });
    expect(rep.callStatuses(call.id)).toEqual(['dialing', 'ringing', 'connected', 'ended']);
    await sippExit();
  });

  it('busy (486) → outcome busy', async () => {
    sipp = await lab.startSipp({ role: 'uas', scenario: 'uas_busy.xml' });
    const call = await rep.service.dial({ number: NUMBER, leadId: LEAD });
    const ended = await rep.waitEnded(call.id);
    expect(ended).toMatchObject({ endReason: 'rejected', sipStatus: 486, outcome: 'busy' });
    expect(rep.attempts.at(-1)).toMatchObject({ leadId: LEAD, outcome: 'busy', sipStatus: 486 });
    await sippExit();
  });

  it('rings until the ring timeout, then CANCEL → 487 → no-answer', async () => {
    sipp = await lab.startSipp({ role: 'uas', scenario: 'uas_ring_noanswer.xml' });
    const started = Date.now();
    const call = await rep.service.dial({ number: NUMBER, leadId: LEAD });
    await rep.waitCall(call.id, (c) => c.status === 'ringing', 'ringing');
    const ended = await rep.waitEnded(call.id, 25_000);
    // The product minimum, which nothing (not even a test) can lower: a lead gets 15 s to pick up.
    expect(Date.now() - started).toBeGreaterThanOrEqual(RING_TIMEOUT_MIN_SECONDS * 1000 - 100);
    expect(ended).toMatchObject({ endReason: 'ring-timeout', sipStatus: 487, outcome: 'no-answer' });
    await sippExit();
  });

  it('the rep cancels while it rings → 487 → canceled (the rep’s own, not counted against the lead)', async () => {
    sipp = await lab.startSipp({ role: 'uas', scenario: 'uas_ring_noanswer.xml' });
    const call = await rep.service.dial({ number: NUMBER, leadId: LEAD });
    await rep.waitCall(call.id, (c) => c.status === 'ringing', 'ringing');
    await rep.service.cancelCall(call.id);
    const ended = await rep.waitEnded(call.id);
    // The rep's own cancel while it rang: recorded as canceled, not counted against the lead as no-answer.
    expect(ended).toMatchObject({ endReason: 'cancelled', sipStatus: 487, outcome: 'canceled' });
    expect(rep.callStatuses(call.id)).toEqual(['dialing', 'ringing', 'ended']);
    await sippExit();
  });

  it('an unknown number (404 from Kamailio) → bad-number', async () => {
    const other = new SipClient({ account: { aor: `sip:rep404@${LAB_DOMAIN}`, authUsername: 'rep404', dialPlan: `sip:{digits}@${LAB_DOMAIN}` } });
    try {
      await other.service.start();
      await other.waitRegistration('registered');
      const call = await other.service.dial({ number: '+15559990000', leadId: LEAD });
      const ended = await other.waitEnded(call.id);
      expect(ended).toMatchObject({ endReason: 'rejected', sipStatus: 404, outcome: 'bad-number' });
      expect(other.attempts).toEqual([expect.objectContaining({ leadId: LEAD, outcome: 'bad-number', sipStatus: 404 })]);
    } finally {
      await other.close();
    }
  });

  it('closing twice at once (the app quitting) ends a connected call once and records it once', async () => {
    const closer = new SipClient({ account: { aor: `sip:repclose@${LAB_DOMAIN}`, authUsername: 'repclose' } });
    try {
      await closer.service.start();
      await closer.waitRegistration('registered');
      sipp = await lab.startSipp({ role: 'uas', scenario: 'uas', rtpEcho: true });
      const call = await closer.service.dial({ number: NUMBER, leadId: LEAD });
      await closer.waitCall(call.id, (c) => c.status === 'connected', 'connected');
      const first = closer.service.close();
      const second = closer.service.close();
      expect(second).toBe(first);
      await Promise.all([first, second]);
      expect(closer.callStatuses(call.id).filter((s) => s === 'ended')).toHaveLength(1);
      expect(closer.attempts).toEqual([expect.objectContaining({ leadId: LEAD, outcome: 'answered', sipStatus: 200 })]);
      await sippExit();
    } finally {
      await closer.close();
    }
  });

  it('DTMF as SIP INFO reaches the far end (sipp checks the digits)', async () => {
    const info = new SipClient({ account: { aor: `sip:repinfo@${LAB_DOMAIN}`, authUsername: 'repinfo', dtmfMode: 'info' } });
    try {
      await info.service.start();
      await info.waitRegistration('registered');
      sipp = await lab.startSipp({ role: 'uas', scenario: 'uas_answer_info.xml' });
      const call = await info.service.dial({ number: NUMBER, leadId: null });
      await info.waitCall(call.id, (c) => c.status === 'connected', 'connected');
      await info.service.sendDtmf(call.id, '42');
      await info.service.hangUp(call.id);
      await info.waitEnded(call.id);
      expect(info.attempts).toEqual([]); // no lead, nothing recorded
      await sippExit();
    } finally {
      await info.close();
    }
  });

  it('media lost (renderer reloaded): the call is ended with BYE and recorded', async () => {
    sipp = await lab.startSipp({ role: 'uas', scenario: 'uas' });
    const call = await rep.service.dial({ number: NUMBER, leadId: LEAD });
    await rep.waitCall(call.id, (c) => c.status === 'connected', 'connected');
    expect(await rep.service.mediaReset()).toEqual({ endedCalls: 1 });
    const ended = await rep.waitEnded(call.id);
    expect(ended).toMatchObject({ endReason: 'media-lost', sipStatus: 200, outcome: 'answered' });
    expect(rep.attempts.at(-1)).toMatchObject({ leadId: LEAD, outcome: 'answered', sipStatus: 200 });
    // sipp's uas scenario only passes once it got our BYE.
    await sippExit();
    expect(rep.service.getRegistration().status).toBe('registered');
  });
});
