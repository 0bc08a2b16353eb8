/** Root mean square of one block of samples (−1…1): 0.354 for a full-scale-half sine. */
export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}

/**
 * A level for a meter: RMS mapped onto 0…1 on a dB scale from −60 dBFS (silence) to 0 dBFS, so
 * speech moves the bar visibly instead of hugging the bottom.
 */
export function meterLevel(rmsValue: number): number {
  if (rmsValue <= 0) return 0;
  const db = 20 * Math.log10(rmsValue);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/** An AnalyserNode on a stream: the current RMS on demand. Nothing is played. */
export class StreamLevel {
  private readonly source: MediaStreamAudioSourceNode;
  private readonly analyser: AnalyserNode;
  private readonly buffer: Float32Array<ArrayBuffer>;

  constructor(context: AudioContext, stream: MediaStream) {
    this.source = context.createMediaStreamSource(stream);
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.buffer = new Float32Array(this.analyser.fftSize);
    this.source.connect(this.analyser);
  }

  rms(): number {
    this.analyser.getFloatTimeDomainData(this.buffer);
    return rms(this.buffer);
  }

  disconnect(): void {
    try {
      this.source.disconnect();
      this.analyser.disconnect();
    } catch {
      // Already disconnected.
    }
  }
}
