/**
 * Real audio both ways: the core (plain-RTP PCMU media behind the MediaBridge) calls baresip,
 * which auto-answers, plays a greeting with a 1 kHz beep, records what it receives and hangs up
 * when its greeting ends. sox measures baresip's recording of our 440 Hz tone; the core measures
 * the beep it received. DTMF sent as RFC 4733 events must show up at baresip.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stopLabAfterAll } from './cleanup.js';
import { loudFrames, rms, sineSource, zeroCrossingFrequency, SAMPLE_RATE } from '../support/media/tone.js';
import { Lab, LAB_DOMAIN, makeWav, soxStat, type LabProcess } from './lab.js';
import { SipClient } from './sip-client.js';

const LEAD_NUMBER = '+15550100';

describe('media with baresip (PCMU both ways, RFC 4733 DTMF)', () => {
  const lab = new Lab('media');
  let baresip: { proc: LabProcess; recDir: string };
  let rep: SipClient;

  beforeAll(async () => {
    await lab.startKamailio({ auth: true });
    // 0.5 s silence, 1 s of 1000 Hz, 2.5 s silence: baresip hangs up after 4 s.
    const greeting = makeWav(join(lab.runDir, 'greeting.wav'), ['synth', '1', 'sine', '1000', 'vol', '0.5', 'pad', '0.5', '2.5']);
    baresip = await lab.startBaresip({ user: LEAD_NUMBER.slice(1), greetingWav: greeting });
    rep = new SipClient({
      account: { dialPlan: `sip:{digits}@${LAB_DOMAIN}` },
      media: { source: () => sineSource(440, 0.5) },
    });
    await rep.service.start();
    await rep.waitRegistration('registered');
  });

  stopLabAfterAll(lab, async () => {
    await rep?.close();
  });

  it('hold and resume by re-INVITE (sendonly ↔ recvonly), mute, while baresip stays on the line', async () => {
    const logFrom = baresip.proc.log.length;
    const call = await rep.service.dial({ number: LEAD_NUMBER, leadId: null });
    await rep.waitCall(call.id, (c) => c.status === 'connected', 'connected');
    const media = rep.mediaFor(call.id);

    expect((await rep.service.setHold(call.id, true)).held).toBe(true);
    // baresip accepted our sendonly offer with a recvonly answer.
    await baresip.proc.waitFor(/a=recvonly/, 3000, logFrom);
    const sentWhileHeld = media.packetsSent;
    expect((await rep.service.setHold(call.id, false)).held).toBe(false);
    await waitFor(() => media.packetsSent > sentWhileHeld + 10, 'audio to resume after unhold', 3000);

    expect((await rep.service.setMute(call.id, true)).muted).toBe(true);
    expect((await rep.service.setMute(call.id, false)).muted).toBe(false);
    // Hold and mute are flags, not states: the call stayed connected throughout.
    expect(rep.callStatuses(call.id).at(-1)).toBe('connected');

    await rep.service.hangUp(call.id);
    expect((await rep.waitEnded(call.id)).endReason).toBe('hangup-local');
  });

  it('carries audio both ways and DTMF to the far end', async () => {
    const logFrom = baresip.proc.log.length;
    // baresip names recordings by the second; clear the hold test's so this call's cannot be confused with it.
    for (const f of lab.recordings(baresip.recDir)) rmSync(f);
    const call = await rep.service.dial({ number: LEAD_NUMBER, leadId: 'lead-media' });
    await rep.waitCall(call.id, (c) => c.status === 'connected', 'connected');

    await rep.service.sendDtmf(call.id, '159#');
    // baresip 1.0 logs each RFC 4733 event it decodes: "received event: '5' (end=1)".
    const events = async () => {
      await baresip.proc.waitFor(/received event: '#' \(end=1\)/, 5000, logFrom);
      return [...baresip.proc.log.slice(logFrom).matchAll(/received event: '(.)' \(end=1\)/g)].map((m) => m[1]).join('');
    };
    expect(await events()).toBe('159#');

    const ended = await rep.waitEnded(call.id, 15_000);
    expect(ended).toMatchObject({ endReason: 'hangup-remote', outcome: 'answered', sipStatus: 200 });

    // What the core received: baresip's beep, ~1 s of ~1000 Hz at the level it was sent (0.5 peak → RMS 0.354).
    const media = rep.mediaFor(call.id);
    const received = media.receivedAudio();
    expect(received.length / SAMPLE_RATE).toBeGreaterThan(3);
    const beep = loudFrames(received);
    expect(beep.length / SAMPLE_RATE).toBeGreaterThan(0.8);
    expect(beep.length / SAMPLE_RATE).toBeLessThan(1.2);
    expect(zeroCrossingFrequency(beep)).toBeGreaterThan(970);
    expect(zeroCrossingFrequency(beep)).toBeLessThan(1030);
    expect(rms(beep)).toBeGreaterThan(0.3);
    expect(media.packetsSent).toBeGreaterThan(150);

    // What baresip received from us: our 440 Hz tone for the length of the call, measured by sox.
    // (Stopping baresip makes sure its recorder has closed the file.)
    await baresip.proc.stop();
    const [recording] = lab.recordings(baresip.recDir);
    expect(recording, `no recording in ${baresip.recDir}`).toBeDefined();
    const whole = soxStat(recording);
    expect(whole.lengthSeconds).toBeGreaterThan(3);
    expect(whole.lengthSeconds).toBeLessThan(6);
    // Skip the first second (DTMF replaced audio there) and measure 2 s of steady tone.
    const tone = soxStat(recording, ['trim', '1.2', '2']);
    expect(tone.roughFrequency).toBeGreaterThan(425);
    expect(tone.roughFrequency).toBeLessThan(455);
    expect(tone.rms).toBeGreaterThan(0.3);
  });
});

/** Polls a condition that has no event (packet counters) every 20 ms, up to a deadline. */
async function waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
