import { describe, expect, it } from 'vitest';
import { BeepDetector, type DetectorEvent } from '../../../shared/voicemail/beep-detector.js';
import { detectInBuffer } from '../../../shared/voicemail/detect-buffer.js';
import { babble, concat, noise, silence, tone } from './synth.js';

const RATE = 8000;
const greeting = (s = 3) => babble(RATE, s);

describe('BeepDetector', () => {
  it('finds a beep after a greeting, with its bounds and frequency', () => {
    const audio = concat(silence(RATE, 0.4), greeting(), silence(RATE, 0.3), tone(RATE, 0.3, 1000), silence(RATE, 2));
    const r = detectInBuffer(audio, RATE);
    expect(r.verdict).toBe('beep');
    expect(r.beepStartS!).toBeCloseTo(3.7, 1);
    expect(r.beepEndS!).toBeCloseTo(4.0, 1);
    expect(r.beepHz!).toBeCloseTo(1000, -1);
    expect(r.decidedAtS - 4.0).toBeLessThan(0.25);
    expect(r.events.map((e) => e.kind)).toEqual(['speech', 'machine-greeting', 'beep']);
  });

  it('gives the same answer whatever size the chunks come in, at any sample rate', () => {
    for (const rate of [8000, 16000, 44100, 48000]) {
      const audio = concat(silence(rate, 0.5), babble(rate, 2.5), silence(rate, 0.2), tone(rate, 0.2, 850), silence(rate, 1));
      const whole = detectInBuffer(audio, rate);
      const detector = new BeepDetector(rate);
      const events: DetectorEvent[] = [];
      for (let i = 0; i < audio.length; i += 37) events.push(...detector.push(audio.subarray(i, i + 37)));
      expect(whole.verdict, `${rate} Hz`).toBe('beep');
      expect(detector.verdict).toEqual(events.at(-1));
      expect(detector.verdict!.kind).toBe('beep');
      if (detector.verdict!.kind === 'beep') expect(detector.verdict!.beepEndS).toBeCloseTo(whole.beepEndS!, 2);
    }
  });

  it('does not take a tone shorter than 100 ms, a tone outside 400–2,100 Hz, or one followed by speech', () => {
    const after = (t: Float32Array) => detectInBuffer(concat(greeting(), silence(RATE, 0.2), t, silence(RATE, 1.5)), RATE).verdict;
    expect(after(tone(RATE, 0.06, 1000))).not.toBe('beep');
    expect(after(tone(RATE, 0.3, 300))).not.toBe('beep');
    expect(after(tone(RATE, 0.3, 2600))).not.toBe('beep');
    const intoSpeech = concat(greeting(), tone(RATE, 0.3, 1000), babble(RATE, 1), silence(RATE, 0.5));
    expect(detectInBuffer(intoSpeech, RATE).verdict).not.toBe('beep');
  });

  it('does not take a tone whose level beats (ringback) or decays (a plucked note)', () => {
    const ringback = concat(silence(RATE, 0.5), tone(RATE, 2, [440, 480]), silence(RATE, 4));
    expect(detectInBuffer(ringback, RATE).verdict).toBe('unknown');
    const decaying = tone(RATE, 0.8, 880).map((v, i) => v * Math.exp(-i / (RATE * 0.15)));
    expect(detectInBuffer(concat(greeting(), decaying, silence(RATE, 1)), RATE).verdict).not.toBe('beep');
  });

  it('finds the beep through line noise', () => {
    const clean = concat(silence(RATE, 0.4), greeting(), silence(RATE, 0.3), tone(RATE, 0.15, 1400, 0.1), silence(RATE, 2));
    const line = noise(RATE, clean.length / RATE, 0.01, 3);
    const r = detectInBuffer(clean.map((v, i) => v + line[i]), RATE);
    expect(r.verdict).toBe('beep');
    expect(r.beepHz!).toBeCloseTo(1400, -1);
  });

  it('hands a short hello followed by a pause to the rep as a human, and keeps listening for a beep a while', () => {
    const hello = concat(silence(RATE, 0.5), babble(RATE, 0.6), silence(RATE, 1.5), babble(RATE, 0.6), silence(RATE, 2));
    const r = detectInBuffer(hello, RATE);
    expect(r.verdict).toBe('human');
    const heard = r.events.find((e) => e.kind === 'human')!;
    // 800 ms of quiet after the hello, counted once the last syllables have left the 200 ms word window.
    expect(heard.atS).toBeGreaterThanOrEqual(0.5 + 0.6 + 0.8);
    expect(heard.atS).toBeLessThanOrEqual(0.5 + 0.6 + 0.8 + 0.2);
    expect(r.decidedAtS).toBe(heard.atS);
    // "Leave a message." and a pause sound like a person; the beep after it says it was a machine.
    const short = detectInBuffer(concat(silence(RATE, 0.5), babble(RATE, 1.2), silence(RATE, 1.2), tone(RATE, 0.3, 1000), silence(RATE, 1)), RATE);
    expect(short.events.map((e) => e.kind)).toEqual(['speech', 'human', 'beep']);
    expect(short.verdict).toBe('beep');
    // …but a call-waiting tone after a hello is not a beep.
    const waiting = detectInBuffer(concat(silence(RATE, 0.5), babble(RATE, 0.6), silence(RATE, 1), tone(RATE, 0.3, 440), silence(RATE, 3)), RATE);
    expect(waiting.verdict).toBe('human');
  });

  it('finds a two-tone beep under -30 dBFS noise and names both tones', () => {
    const clean = concat(silence(RATE, 0.4), greeting(), silence(RATE, 0.4), tone(RATE, 0.25, [440, 950], 0.3), silence(RATE, 2)); // -16.5 dBFS: 13.5 dB over the noise
    const line = noise(RATE, clean.length / RATE, 0.055, 9); // uniform ±0.055: -30 dBFS RMS
    const r = detectInBuffer(clean.map((v, i) => v + line[i]), RATE);
    expect(r.verdict).toBe('beep');
    expect(r.beepTonesHz!.map(Math.round)).toEqual([440, 950].map((f) => expect.closeTo(f, -1)));
    expect(r.beepStartS!).toBeCloseTo(3.8, 1);
    expect(r.beepEndS!).toBeCloseTo(4.05, 1);
    expect(r.decidedAtS - 4.05).toBeLessThan(0.25);
  });

  it('catches a late beep after a long pause, and refuses DTMF pairs and a fax tone on a silent line', () => {
    const late = detectInBuffer(concat(silence(RATE, 0.4), greeting(), silence(RATE, 2.6), tone(RATE, 0.8, 1400), silence(RATE, 1)), RATE);
    expect(late.verdict).toBe('beep');
    const key = detectInBuffer(concat(greeting(), silence(RATE, 0.3), tone(RATE, 0.2, [770, 1336]), silence(RATE, 2)), RATE);
    expect(key.verdict).not.toBe('beep');
    const fax = detectInBuffer(concat(silence(RATE, 0.3), tone(RATE, 0.5, 1100), silence(RATE, 3), tone(RATE, 0.5, 1100), silence(RATE, 1)), RATE);
    expect(fax.verdict).toBe('unknown');
  });

  it('names the SIT of a number not in service, and never takes its last tone for a beep', () => {
    const sit = concat(silence(RATE, 0.5), tone(RATE, 0.274, 913.8), tone(RATE, 0.274, 1370.6), tone(RATE, 0.38, 1776.7), silence(RATE, 0.3), greeting(), silence(RATE, 1));
    const r = detectInBuffer(sit, RATE);
    expect(r.verdict).toBe('sit');
    expect(r.sitTonesHz!).toEqual([expect.closeTo(913.8, -1), expect.closeTo(1370.6, -1), expect.closeTo(1776.7, -1)]);
    expect(r.decidedAtS).toBeLessThan(0.5 + 0.93 + 0.2);
    // The same tones after a greeting, out of order, are not an intercept (nor a beep: they run into each other).
    const scrambled = concat(greeting(), silence(RATE, 0.3), tone(RATE, 0.3, 1776.7), tone(RATE, 0.3, 913.8), tone(RATE, 0.3, 1370.6), silence(RATE, 2));
    expect(['sit', 'beep']).not.toContain(detectInBuffer(scrambled, RATE).verdict);
  });

  it('names an intercept heard from inside its tones: the page starts listening a moment after the answer', () => {
    const intercept = concat(tone(RATE, 0.274, 913.8), tone(RATE, 0.274, 1370.6), tone(RATE, 0.38, 1776.7), silence(RATE, 0.3), greeting(), silence(RATE, 1));
    // Listening began up to 0.48 s into the sequence: its first tone cut short, or gone and the second cut short.
    for (const lateS of [0, 0.05, 0.15, 0.3, 0.4, 0.48]) {
      const heard = intercept.subarray(Math.round(lateS * RATE));
      expect(detectInBuffer(heard, RATE).verdict, `listening ${lateS} s late`).toBe('sit');
    }
    // The other SIT codes (985.2 Hz first, 1428.5 Hz second, 380 ms segments), heard late on a hissing line.
    for (const [first, second, long] of [[985.2, 1370.6, 0.38], [913.8, 1428.5, 0.274], [985.2, 1428.5, 0.38]] as const) {
      const segments = concat(tone(RATE, long, first), tone(RATE, long, second), tone(RATE, 0.38, 1776.7), silence(RATE, 0.3), greeting(), silence(RATE, 1));
      const hiss = noise(RATE, segments.length / RATE, 0.01, 3);
      const onLine = segments.map((v, i) => v + hiss[i]);
      for (const lateS of [0.1, long + 0.05]) {
        expect(detectInBuffer(onLine.subarray(Math.round(lateS * RATE)), RATE).verdict, `${first}/${second} Hz, ${lateS} s late, in noise`).toBe('sit');
      }
    }
    // Only the last tone heard is any tone: never an intercept on its own.
    const lastOnly = intercept.subarray(Math.round(0.6 * RATE));
    expect(detectInBuffer(concat(lastOnly.subarray(0, Math.round(0.3 * RATE)), silence(RATE, 0.3), greeting(), silence(RATE, 1)), RATE).verdict).not.toBe('sit');
    // The tail of the sequence after a greeting (not cut by the start of listening) is no intercept either.
    const tailLater = concat(silence(RATE, 0.5), greeting(), silence(RATE, 0.3), tone(RATE, 0.274, 1370.6), tone(RATE, 0.38, 1776.7), silence(RATE, 2));
    expect(detectInBuffer(tailLater, RATE).verdict).not.toBe('sit');
  });

  it('settles a greeting with no beep after the configured silence', () => {
    const audio = concat(silence(RATE, 0.5), greeting(), silence(RATE, 6));
    expect(detectInBuffer(audio, RATE).decidedAtS).toBeCloseTo(3.5 + 3, 1);
    const quick = detectInBuffer(audio, RATE, { silenceAfterGreetingMs: 1500 });
    expect(quick.verdict).toBe('silence-after-greeting');
    expect(quick.decidedAtS).toBeCloseTo(3.5 + 1.5, 1);
    expect(detectInBuffer(concat(silence(RATE, 0.5), greeting(), silence(RATE, 2)), RATE).verdict).toBe('unknown');
  });

  it('stops at its verdict and gives up after the analysis time', () => {
    const detector = new BeepDetector(RATE, { maxAnalysisMs: 2000 });
    const events = detector.push(noise(RATE, 3, 0.001));
    expect(events).toEqual([{ kind: 'unknown', atS: expect.closeTo(2, 1) }]);
    expect(detector.push(concat(greeting(), tone(RATE, 0.3, 1000), silence(RATE, 1)))).toEqual([]);
    expect(detector.finish()).toEqual([]);
  });

  it('refuses a sample rate that is not a positive number', () => {
    expect(() => new BeepDetector(0)).toThrow(RangeError);
  });
});
