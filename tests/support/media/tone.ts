/** Test signals and measurements for 8 kHz audio (plain-RTP calls, lab tests, the CLI). */
export const SAMPLE_RATE = 8000;

/** A continuous sine: each call returns the next `count` samples. */
export function sineSource(frequency: number, amplitude = 0.5): (count: number) => Int16Array {
  let phase = 0;
  const step = (2 * Math.PI * frequency) / SAMPLE_RATE;
  return (count) => {
    const out = new Int16Array(count);
    for (let i = 0; i < count; i++) {
      out[i] = Math.round(Math.sin(phase) * amplitude * 32767);
      phase += step;
    }
    phase %= 2 * Math.PI;
    return out;
  };
}

export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += (s / 32768) ** 2;
  return Math.sqrt(sum / samples.length);
}

/** Frequency of a clean tone from its zero crossings (what `sox stat` calls rough frequency). */
export function zeroCrossingFrequency(samples: Int16Array): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) {
    if ((samples[i - 1] < 0 && samples[i] >= 0) || (samples[i - 1] >= 0 && samples[i] < 0)) crossings++;
  }
  return (crossings / 2) * (SAMPLE_RATE / samples.length);
}

/**
 * The loud part of a recording: 20 ms frames above `threshold` RMS, joined. Separates a beep
 * from the silence around it before measuring its frequency.
 */
export function loudFrames(samples: Int16Array, threshold = 0.05): Int16Array {
  const frame = SAMPLE_RATE / 50;
  const parts: Int16Array[] = [];
  for (let i = 0; i + frame <= samples.length; i += frame) {
    const f = samples.subarray(i, i + frame);
    if (rms(f) >= threshold) parts.push(f);
  }
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
