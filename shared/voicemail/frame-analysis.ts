/**
 * One short frame of far-end audio reduced to the few numbers the beep
 * detector decides on: its level in the telephone band, the strongest
 * frequency, and how much of the energy sits in one (or two) spectral peaks.
 *
 * The FFT is written out here because shared/ may import nothing but zod (the
 * renderer's AudioWorklet and the CLI both run this file); it is the textbook
 * iterative radix-2 transform, checked against pure tones in the tests.
 */

/** Energy outside this band (hum, DC, hiss above what a phone line carries) is ignored. */
const BAND_LOW_HZ = 200;
const BAND_HIGH_HZ = 3400;
/** Levels are clamped here so digital silence is a number, not -Infinity. */
export const LEVEL_FLOOR_DB = -100;

export interface FrameFeatures {
  /** Level in the telephone band, dB relative to a full-scale sine. */
  levelDb: number;
  /** The strongest frequency (parabolic interpolation between bins), Hz. */
  peakHz: number;
  /** Share of the band's energy in the strongest peak's main lobe (1 for a pure tone). */
  peakShare: number;
  /** Share of the band's energy in the two strongest separate peaks (high for DTMF and ringback too). */
  twoPeakShare: number;
  /** Mean square of the in-band signal (the power behind levelDb, without the sine reference). */
  bandPower: number;
  /**
   * The two strongest separate spectral peaks, strongest first: each one's frequency and the power in
   * its main lobe, in bandPower's units (so a pure tone's one peak carries all of bandPower).
   */
  peaks: SpectralPeak[];
  /** The share of the band one main lobe covers: what a flat noise puts into a peak by chance. */
  lobeShare: number;
}

export interface SpectralPeak {
  hz: number;
  power: number;
}

export class FrameAnalyzer {
  readonly windowLength: number;
  private readonly size: number;
  private readonly window: Float64Array;
  private readonly windowPower: number;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly power: Float64Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly bitReversed: Uint32Array;
  private readonly lowBin: number;
  private readonly highBin: number;
  /** Half the Hann window's main lobe, in bins: the energy of a pure tone falls within ±this. */
  private readonly lobe: number;

  constructor(readonly sampleRate: number, windowSeconds: number) {
    this.windowLength = Math.max(16, Math.round(sampleRate * windowSeconds));
    let size = 1;
    while (size < this.windowLength * 2) size *= 2;
    this.size = size;
    this.window = new Float64Array(this.windowLength);
    let sumSquares = 0;
    for (let i = 0; i < this.windowLength; i++) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / this.windowLength);
      this.window[i] = w;
      sumSquares += w * w;
    }
    this.windowPower = sumSquares;
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    this.power = new Float64Array(size / 2 + 1);
    this.cos = new Float64Array(size / 2);
    this.sin = new Float64Array(size / 2);
    for (let i = 0; i < size / 2; i++) {
      this.cos[i] = Math.cos((2 * Math.PI * i) / size);
      this.sin[i] = -Math.sin((2 * Math.PI * i) / size);
    }
    this.bitReversed = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReversed[i] = r;
    }
    const binHz = sampleRate / size;
    this.lowBin = Math.max(1, Math.ceil(BAND_LOW_HZ / binHz));
    this.highBin = Math.min(size / 2 - 1, Math.floor(Math.min(BAND_HIGH_HZ, sampleRate / 2 - binHz) / binHz));
    // Hann main lobe is ±2 bins of the unpadded window; zero padding to `size` widens that in bins.
    this.lobe = Math.ceil((2 * size) / this.windowLength);
  }

  /** Analyses `windowLength` samples of `samples` starting at `start`. */
  analyze(samples: Float32Array, start: number): FrameFeatures {
    const { re, im, size, window, windowLength } = this;
    let mean = 0;
    for (let i = 0; i < windowLength; i++) mean += samples[start + i];
    mean /= windowLength;
    for (let i = 0; i < size; i++) {
      const target = this.bitReversed[i];
      re[target] = i < windowLength ? (samples[start + i] - mean) * window[i] : 0;
      im[target] = 0;
    }
    this.transform();
    const { power, lowBin, highBin } = this;
    let total = 0;
    let peak = lowBin;
    for (let k = lowBin; k <= highBin; k++) {
      const p = re[k] * re[k] + im[k] * im[k];
      power[k] = p;
      total += p;
      if (p > power[peak]) peak = k;
    }
    // Parseval: 2/(N·Σw²) · Σ|X|² over positive bins is the mean square of the in-band signal.
    const meanSquare = (2 * total) / (size * this.windowPower);
    const levelDb = meanSquare > 0 ? Math.max(LEVEL_FLOOR_DB, 10 * Math.log10(meanSquare) + 3.0103) : LEVEL_FLOOR_DB;
    const lobeShare = (2 * this.lobe + 1) / (highBin - lowBin + 1);
    if (total <= 0) return { levelDb, peakHz: 0, peakShare: 0, twoPeakShare: 0, bandPower: 0, peaks: [], lobeShare };
    const first = this.lobeEnergy(peak);
    // The second peak is the strongest local maximum clear of the first one's lobe (two lobes apart, so
    // the two lobes' energies do not overlap): DTMF, a two-tone beep, the second note of a chord.
    let second = -1;
    for (let k = lowBin + 1; k < highBin; k++) {
      if (Math.abs(k - peak) <= 2 * this.lobe) continue;
      if (power[k] >= power[k - 1] && power[k] >= power[k + 1] && (second < 0 || power[k] > power[second])) second = k;
    }
    const secondEnergy = second >= 0 ? this.lobeEnergy(second) : 0;
    const scale = meanSquare / total;
    const peaks: SpectralPeak[] = [{ hz: this.interpolatedHz(peak), power: first * scale }];
    if (second >= 0) peaks.push({ hz: this.interpolatedHz(second), power: secondEnergy * scale });
    return {
      levelDb,
      peakHz: peaks[0].hz,
      peakShare: first / total,
      twoPeakShare: (first + secondEnergy) / total,
      bandPower: meanSquare,
      peaks,
      lobeShare,
    };
  }

  private lobeEnergy(center: number): number {
    let sum = 0;
    for (let k = Math.max(this.lowBin, center - this.lobe); k <= Math.min(this.highBin, center + this.lobe); k++) sum += this.power[k];
    return sum;
  }

  private interpolatedHz(k: number): number {
    const { power } = this;
    const a = Math.log(power[k - 1] + 1e-30);
    const b = Math.log(power[k] + 1e-30);
    const c = Math.log(power[k + 1] + 1e-30);
    const denominator = a - 2 * b + c;
    const offset = denominator !== 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denominator)) : 0;
    return ((k + offset) * this.sampleRate) / this.size;
  }

  private transform(): void {
    const { re, im, size, cos, sin } = this;
    for (let length = 2; length <= size; length *= 2) {
      const half = length / 2;
      const step = size / length;
      for (let start = 0; start < size; start += length) {
        for (let j = 0; j < half; j++) {
          const wr = cos[j * step];
          const wi = sin[j * step];
          const a = start + j;
          const b = a + half;
          const tr = re[b] * wr - im[b] * wi;
          const ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
  }
}
