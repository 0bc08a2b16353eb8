/**
 * Real audio both ways: the core (plain-RTP PCMU media behind the MediaBridge) calls baresip,
 * which auto-answers, plays a greeting with a 1 kHz beep, records what it receives and hangs up
 * when its greeting ends. sox measures baresip's recording of our 440 Hz tone; the core measures
 * the beep it received. DTMF sent as RFC 4733 events must show up at baresip.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loudFrames, rms, sineSource, zeroCrossingFrequency, SAMPLE_RATE } from '../../main/core/media/tone.js';
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

  afterAll(async () => {
    await rep?.close();
    await lab.stopAll();
  });

  it('carries audio both ways and DTMF to the far end', async () => {
    const logFrom = baresip.proc.log.length;
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
    expect(ended).toMatchObject({ endReason: 'hangup-remote', outcome: 'conversation', sipStatus: 200 });

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
