import { BeepDetector, type DetectorEvent, type DetectorSettings, type DetectorVerdict } from './beep-detector.js';

export interface BufferDetection {
  verdict: DetectorVerdict;
  beepStartS: number | null;
  beepEndS: number | null;
  beepHz: number | null;
  /** Every tone in the beep, lowest first (two for a two-tone beep). */
  beepTonesHz: number[] | null;
  /** The intercept's three tones when the verdict is sit. */
  sitTonesHz: number[] | null;
  /** When, in the audio, the verdict was reached. */
  decidedAtS: number;
  events: DetectorEvent[];
}

/** Chunk size for feeding a whole buffer: what an AudioWorklet hands over in ~20 ms, so files behave as calls do. */
const CHUNK_S = 0.02;

/** Runs the streaming detector over a whole recording (mono samples in [-1, 1]). */
export function detectInBuffer(samples: Float32Array, sampleRate: number, settings: Partial<DetectorSettings> = {}): BufferDetection {
  const detector = new BeepDetector(sampleRate, settings);
  const events: DetectorEvent[] = [];
  const chunk = Math.max(1, Math.round(sampleRate * CHUNK_S));
  for (let start = 0; start < samples.length && !detector.verdict; start += chunk) {
    events.push(...detector.push(samples.subarray(start, Math.min(samples.length, start + chunk))));
  }
  events.push(...detector.finish());
  const verdict = detector.verdict!;
  const beep = verdict.kind === 'beep' ? verdict : null;
  return {
    verdict: verdict.kind as DetectorVerdict,
    beepStartS: beep ? beep.beepStartS : null,
    beepEndS: beep ? beep.beepEndS : null,
    beepHz: beep ? beep.beepHz : null,
    beepTonesHz: beep ? beep.beepTonesHz : null,
    sitTonesHz: verdict.kind === 'sit' ? verdict.tonesHz : null,
    decidedAtS: verdict.atS,
    events,
  };
}
