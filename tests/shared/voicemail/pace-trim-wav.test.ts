import { describe, expect, it } from 'vitest';
import { readWav } from '../../../main/core/voicemail-audio/read-wav.js';
import { paceWords, wordAt } from '../../../shared/voicemail/pace.js';
import { speechBounds } from '../../../shared/voicemail/trim-silence.js';
import { encodeWav16 } from '../../../shared/voicemail/wav-encode.js';
import { babble, concat, noise, silence } from './synth.js';

describe('teleprompter pace', () => {
  it('takes 60/rate seconds a word on average, with pauses at commas and full stops', () => {
    const text = Array.from({ length: 60 }, () => 'word').join(' ');
    expect(paceWords(text, 150).at(-1)!.endS).toBeCloseTo(24, 5);
    const plain = paceWords('one two three four', 120).at(-1)!.endS;
    const punctuated = paceWords('one, two. three four', 120).at(-1)!.endS;
    expect(punctuated - plain).toBeCloseTo(0.25 + 0.5, 5);
  });

  it('finds the word being read at any moment', () => {
    const words = paceWords("Hi Dana, it's Sam.", 120);
    expect(wordAt(words, -1)).toBe(-1);
    expect(wordAt(words, 0)).toBe(0);
    expect(words[wordAt(words, words[2].startS + 0.01)].text).toBe("it's");
    expect(wordAt(words, 999)).toBe(3);
    expect(() => paceWords('x', 0)).toThrow(RangeError);
  });
});

describe('trimming a recorded voicemail', () => {
  it('finds the speech between leading and trailing quiet, through room noise', () => {
    const rate = 16000;
    const room = noise(rate, 4, 0.003, 5);
    const take = concat(silence(rate, 1.2), babble(rate, 2, 0.2), silence(rate, 0.8)).map((v, i) => v + room[i]);
    const bounds = speechBounds(take, rate)!;
    expect(bounds.startS).toBeGreaterThan(0.95);
    expect(bounds.startS).toBeLessThan(1.2);
    expect(bounds.endS).toBeGreaterThan(3.2);
    expect(bounds.endS).toBeLessThan(3.45);
    expect(speechBounds(noise(rate, 2, 0.001), rate)).toBeNull();
  });
});

describe('WAV encoding', () => {
  it('round-trips through the WAV reader', () => {
    const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 0.25]);
    const back = readWav(encodeWav16(samples, 22050));
    expect(back.sampleRate).toBe(22050);
    expect(back.description).toContain('PCM 16-bit, 1 channel');
    back.samples.forEach((v, i) => expect(v).toBeCloseTo(samples[i], 3));
  });
});
