/**
 * Streaming conversion of any sample rate to the 8 kHz the beep detector
 * analyses (a phone line carries nothing above 3.4 kHz anyway, and 8 kHz keeps
 * the detector's CPU cost tiny inside an AudioWorklet at 48 kHz).
 *
 * Downsampling low-passes with a windowed-sinc kernel evaluated at each output
 * instant, so nothing above 3.7 kHz folds back into the band; upsampling (a
 * recording below 8 kHz) interpolates linearly.
 */
export const ANALYSIS_RATE = 8000;
const CUTOFF_HZ = 3700;
/** Kernel half width in output samples; wider is sharper and costlier. */
const HALF_WIDTH_OUT = 4;

export class Resampler {
  private readonly step: number;
  private readonly halfWidth: number;
  private history = new Float32Array(0);
  /** Input position (relative to history[0]) of the next output sample. */
  private position = 0;

  constructor(readonly inputRate: number) {
    if (!(inputRate > 0) || !Number.isFinite(inputRate)) throw new RangeError(`Invalid sample rate: ${inputRate}`);
    this.step = inputRate / ANALYSIS_RATE;
    this.halfWidth = this.step > 1 ? Math.ceil(HALF_WIDTH_OUT * this.step) : 1;
  }

  push(input: Float32Array): Float32Array {
    if (this.inputRate === ANALYSIS_RATE) return input;
    const joined = new Float32Array(this.history.length + input.length);
    joined.set(this.history);
    joined.set(input, this.history.length);
    const out: number[] = [];
    const down = this.step > 1;
    while (this.position + this.halfWidth + 1 < joined.length) {
      out.push(down ? this.filtered(joined, this.position) : this.interpolated(joined, this.position));
      this.position += this.step;
    }
    // Keep what the next outputs' kernels still reach back to.
    const keepFrom = Math.max(0, Math.floor(this.position) - this.halfWidth - 1);
    this.history = joined.slice(keepFrom);
    this.position -= keepFrom;
    return Float32Array.from(out);
  }

  private interpolated(x: Float32Array, at: number): number {
    const i = Math.floor(at);
    const f = at - i;
    return x[i] * (1 - f) + x[i + 1] * f;
  }

  private filtered(x: Float32Array, at: number): number {
    const center = Math.floor(at);
    const cutoff = CUTOFF_HZ / this.inputRate; // cycles per input sample
    let sum = 0;
    let gain = 0;
    for (let i = center - this.halfWidth + 1; i <= center + this.halfWidth; i++) {
      if (i < 0) continue;
      const t = i - at;
      const sinc = t === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
      const hann = 0.5 + 0.5 * Math.cos((Math.PI * t) / (this.halfWidth + 1));
      const k = sinc * hann;
      sum += x[i] * k;
      gain += k;
    }
    return gain !== 0 ? sum / gain : 0;
  }
}
