/** Small signal makers for the detector's unit tests (the corpus uses espeak-ng and sox). */
export function tone(rate: number, seconds: number, hz: number | number[], amplitude = 0.3): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  const freqs = Array.isArray(hz) ? hz : [hz];
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    for (const f of freqs) v += Math.sin((2 * Math.PI * f * i) / rate);
    out[i] = (amplitude * v) / freqs.length;
  }
  return out;
}

/** Seeded white noise, so a failing test fails the same way twice. */
export function noise(rate: number, seconds: number, amplitude: number, seed = 1): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  let state = seed >>> 0 || 1;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = amplitude * ((state / 2 ** 32) * 2 - 1);
  }
  return out;
}

/** A speech-like stand-in: noise bursts shaped like syllables (voice frames, never a tone). */
export function babble(rate: number, seconds: number, amplitude = 0.2, seed = 7): Float32Array {
  const out = noise(rate, seconds, amplitude, seed);
  for (let i = 0; i < out.length; i++) out[i] *= 0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * i) / rate);
  return out;
}

/** Joining parts is the app's own (shared/voicemail/signals.ts). */
export { concat } from '../../../shared/voicemail/signals.js';

export const silence = (rate: number, seconds: number) => new Float32Array(Math.round(rate * seconds));
