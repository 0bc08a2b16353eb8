/**
 * Line signals at the 8 kHz of a phone line, in one place for the app and its tests: tones with
 * fades and cadences (a voicemail box's beep, single or two-tone; the intercept's SIT), coloured
 * noise (a hissing line), silence, and the mixing of parts. The practice line's far ends
 * (main/core/practice) are made from these; the beep detector's corpus (tests/fixtures/voicemail)
 * builds its cases from the same functions, so what practice plays is what the detector is held to.
 *
 * Randomness comes in as a function (the project's seeded generator, main/core/schedule/seeded-random.ts),
 * so the same seed makes the same signal on every machine.
 */
export const LINE_RATE = 8000;

/** A generator of uniform numbers in [0, 1). */
export type RandomSource = () => number;

export const uniform = (r: RandomSource, lo: number, hi: number) => lo + (hi - lo) * r();
export const logUniform = (r: RandomSource, lo: number, hi: number) => Math.exp(uniform(r, Math.log(lo), Math.log(hi)));
export const pick = <T>(r: RandomSource, items: readonly T[]): T => items[Math.floor(r() * items.length)];
export const dbToGain = (db: number) => 10 ** (db / 20);

export function gaussian(r: RandomSource): number {
  const u = Math.max(1e-12, r());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

export function rms(x: Float32Array, from = 0, to = x.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i] * x[i];
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** RMS of the louder half of 20 ms blocks: a speech level that pauses do not dilute. */
export function activeRms(x: Float32Array): number {
  const block = LINE_RATE / 50;
  const levels: number[] = [];
  for (let i = 0; i + block <= x.length; i += block) levels.push(rms(x, i, i + block));
  levels.sort((a, b) => b - a);
  const top = levels.slice(0, Math.max(1, Math.ceil(levels.length / 2)));
  return Math.sqrt(top.reduce((s, v) => s + v * v, 0) / top.length);
}

export function scaleTo(x: Float32Array, targetRms: number, measure = activeRms): Float32Array {
  const now = measure(x);
  const gain = now > 0 ? targetRms / now : 0;
  return x.map((v) => v * gain);
}

export type NoiseColour = 'white' | 'pink' | 'brown';

/** Unit-RMS noise of a colour: white, pink (Kellet's filter, -3 dB/octave) or brown (leaky integral, -6 dB/octave). */
export function noise(r: RandomSource, seconds: number, colour: NoiseColour): Float32Array {
  const out = new Float32Array(Math.round(seconds * LINE_RATE));
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, brown = 0;
  for (let i = 0; i < out.length; i++) {
    const w = gaussian(r);
    if (colour === 'white') out[i] = w;
    else if (colour === 'pink') {
      b0 = 0.99886 * b0 + w * 0.0555179;
      b1 = 0.99332 * b1 + w * 0.0750759;
      b2 = 0.969 * b2 + w * 0.153852;
      b3 = 0.8665 * b3 + w * 0.3104856;
      b4 = 0.55 * b4 + w * 0.5329522;
      b5 = -0.7616 * b5 - w * 0.016898;
      out[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
      b6 = w * 0.115926;
    } else {
      brown = 0.995 * brown + w;
      out[i] = brown;
    }
  }
  return scaleTo(out, 1, rms);
}

export interface ToneShape {
  hz: number[];
  seconds: number;
  /** Peak amplitude of the sum (each of n tones gets amplitude/n). */
  amplitude: number;
  fadeS?: number;
  /** Amplitude modulation (Japanese and Indian ringback): Hz and depth. */
  am?: { hz: number; depth: number };
  /** Frequency sweep (a siren): every tone moves by ±sweepHz at sweepRateHz. */
  sweep?: { hz: number; rateHz: number };
}

export function tone(shape: ToneShape, phaseSeed = 0): Float32Array {
  const out = new Float32Array(Math.round(shape.seconds * LINE_RATE));
  const fade = Math.round((shape.fadeS ?? 0.005) * LINE_RATE);
  const phases = shape.hz.map((_, k) => (phaseSeed * (k + 1) * 1.7) % (2 * Math.PI));
  for (let i = 0; i < out.length; i++) {
    const t = i / LINE_RATE;
    let v = 0;
    for (let k = 0; k < shape.hz.length; k++) {
      const f = shape.hz[k] + (shape.sweep ? shape.sweep.hz * Math.sin(2 * Math.PI * shape.sweep.rateHz * t) : 0);
      phases[k] += (2 * Math.PI * f) / LINE_RATE;
      v += Math.sin(phases[k]);
    }
    v *= shape.amplitude / shape.hz.length;
    if (shape.am) v *= 1 - shape.am.depth * (0.5 + 0.5 * Math.cos(2 * Math.PI * shape.am.hz * t));
    const edge = Math.min(1, i / Math.max(1, fade), (out.length - 1 - i) / Math.max(1, fade));
    out[i] = v * Math.max(0, edge);
  }
  return out;
}

/** A tone played to a cadence (seconds on, off, on, off, …) for `cycles` rounds. */
export function cadence(shape: Omit<ToneShape, 'seconds'>, pattern: number[], cycles: number): Float32Array {
  const parts: Float32Array[] = [];
  for (let c = 0; c < cycles; c++) {
    pattern.forEach((s, i) => parts.push(i % 2 === 0 ? tone({ ...shape, seconds: s, fadeS: 0.01 }) : silence(s)));
  }
  return concat(...parts);
}

export const silence = (seconds: number) => new Float32Array(Math.max(0, Math.round(seconds * LINE_RATE)));

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Adds `part` into `into` at `atS` (clipped to its length). */
export function mixAt(into: Float32Array, part: Float32Array, atS: number, gain = 1): void {
  const at = Math.round(atS * LINE_RATE);
  for (let i = 0; i < part.length && at + i < into.length; i++) if (at + i >= 0) into[at + i] += part[i] * gain;
}

/**
 * A voice-like murmur: pink noise shaped into syllables (about four a second) and words (short gaps),
 * never a tone. What a practice box "says" when the computer has no speech engine, so its beep still
 * follows something the detector hears as a greeting.
 */
export function murmur(r: RandomSource, seconds: number, peak = 0.3): Float32Array {
  const out = noise(r, seconds, 'pink');
  const syllableHz = uniform(r, 3.5, 4.5);
  for (let i = 0; i < out.length; i++) {
    const t = i / LINE_RATE;
    const syllable = Math.max(0, Math.sin(Math.PI * syllableHz * t)) ** 2;
    const word = Math.sin(Math.PI * 0.7 * t) ** 2 > 0.15 ? 1 : 0.05;
    out[i] *= syllable * word;
  }
  let max = 0;
  for (const v of out) max = Math.max(max, Math.abs(v));
  return max > 0 ? out.map((v) => (v / max) * peak) : out;
}
