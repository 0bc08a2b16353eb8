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

  it('hands a short hello followed by a pause to the rep as a human', () => {
    const r = detectInBuffer(concat(silence(RATE, 0.5), babble(RATE, 0.6), silence(RATE, 1.5), babble(RATE, 0.6), silence(RATE, 2)), RATE);
    expect(r.verdict).toBe('human');
    expect(r.decidedAtS).toBeCloseTo(0.5 + 0.6 + 0.8, 1);
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
