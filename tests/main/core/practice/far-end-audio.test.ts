import { describe, expect, it } from 'vitest';
import { drawFarEnd, type FarEnd } from '../../../../main/core/practice/far-end-draw.js';
import { FarEndVoice, renderFarEndAudio } from '../../../../main/core/practice/far-end-audio.js';
import { findSpeechEngine } from '../../../../main/core/voicemail-audio/speech-engines.js';
import { detectInBuffer } from '../../../../shared/voicemail/detect-buffer.js';
import { LINE_RATE } from '../../../../shared/voicemail/signals.js';

/** The first box of each beep kind among the seeds' first calls. */
function boxOf(kind: 'single' | 'two-tone' | 'noisy'): { seed: number; farEnd: FarEnd } {
  for (let seed = 0; ; seed++) {
    const farEnd = drawFarEnd(seed, 0);
    if (farEnd.beep?.kind === kind) return { seed, farEnd };
  }
}

describe('what a practice far end plays', () => {
  const voice = new FarEndVoice(() => findSpeechEngine());

  it.each(['single', 'two-tone', 'noisy'] as const)('a box with a %s beep: the detector hears the greeting, then the beep where it is', async (kind) => {
    const { seed, farEnd } = boxOf(kind);
    const audio = await renderFarEndAudio(farEnd, voice, seed);
    expect(audio.note).toBeNull();
    const heard = detectInBuffer(audio.samples, LINE_RATE);
    expect(heard.verdict).toBe('beep');
    expect(Math.abs(heard.beepEndS! - audio.beepEndS!)).toBeLessThan(0.25);
    expect(heard.beepTonesHz).toHaveLength(farEnd.beep!.hz.length);
  }, 30_000);

  it('a person says hello and never beeps', async () => {
    let seed = 0;
    while (drawFarEnd(seed, 1).kind !== 'person') seed++;
    const audio = await renderFarEndAudio(drawFarEnd(seed, 1), voice, seed);
    expect(audio.beepEndS).toBeNull();
    expect(detectInBuffer(audio.samples, LINE_RATE).verdict).not.toBe('beep');
  }, 30_000);

  it.each(['single', 'two-tone', 'noisy'] as const)('without a speech engine a box (%s) still beeps, and says why it has no greeting', async (kind) => {
    const { seed, farEnd } = boxOf(kind);
    const mute = new FarEndVoice(async () => null);
    const audio = await renderFarEndAudio(farEnd, mute, seed);
    expect(audio.note).toMatch(/no spoken greeting: no speech engine is installed .*It murmurs instead, then beeps/);
    const heard = detectInBuffer(audio.samples, LINE_RATE);
    expect(heard.verdict).toBe('beep');
    expect(Math.abs(heard.beepEndS! - audio.beepEndS!)).toBeLessThan(0.25);
  });

  it('an engine that fails is a note, not a crash', async () => {
    const broken = new FarEndVoice(async () => ({ id: 'espeak-ng', label: 'eSpeak NG', voices: async () => [], render: async () => Promise.reject(new Error('no voice data')) }));
    const audio = await renderFarEndAudio(boxOf('two-tone').farEnd, broken, 1);
    expect(audio.note).toMatch(/eSpeak NG could not speak \(no voice data\)/);
  });

  it('refuses to play a far end that never picks up', async () => {
    let seed = 0;
    while (drawFarEnd(seed, 1).kind !== 'busy') seed++;
    await expect(renderFarEndAudio(drawFarEnd(seed, 1), voice, seed)).rejects.toThrow(/never picks up/);
  });
});
