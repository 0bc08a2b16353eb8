import { speechBounds } from '../../shared/voicemail/trim-silence.js';
import { encodeWav16 } from '../../shared/voicemail/wav-encode.js';
import { tapStream, type AudioTap } from '../media/audio-tap.js';

export interface Take {
  wav: Uint8Array;
  durationS: number;
  /** Seconds of quiet cut from the start and the end. */
  trimmedS: number;
}

/**
 * Records the rep's voicemail from the microphone as PCM (through the same
 * AudioWorklet tap the detector uses), reports the level for the meter, and
 * on stop trims the quiet at both ends by the detector's loudness rule.
 */
export class DropRecorder {
  private chunks: Float32Array[] = [];
  private tap: AudioTap | null = null;
  private stream: MediaStream | null = null;
  private context: AudioContext | null = null;

  constructor(private readonly onLevel: (rms: number) => void) {}

  async start(deviceId: string | null): Promise<void> {
    this.chunks = [];
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), echoCancellation: false, noiseSuppression: true, autoGainControl: true },
    });
    this.context = new AudioContext();
    this.tap = await tapStream(this.context, this.stream, (chunk) => {
      this.chunks.push(chunk);
      let sum = 0;
      for (const v of chunk) sum += v * v;
      this.onLevel(Math.sqrt(sum / chunk.length));
    });
  }

  /** Ends the take; null when nothing but quiet was recorded. */
  async stop(): Promise<Take | null> {
    this.tap?.stop();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    const rate = this.context?.sampleRate ?? 48000;
    await this.context?.close();
    this.tap = null;
    this.stream = null;
    this.context = null;
    this.onLevel(0);
    const samples = new Float32Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      samples.set(chunk, at);
      at += chunk.length;
    }
    this.chunks = [];
    const bounds = speechBounds(samples, rate);
    if (!bounds) return null;
    const kept = samples.subarray(Math.floor(bounds.startS * rate), Math.ceil(bounds.endS * rate));
    return { wav: encodeWav16(kept, rate), durationS: kept.length / rate, trimmedS: samples.length / rate - kept.length / rate };
  }
}
