import wavefile from 'wavefile';

/** A WAV file reduced to what the detector and the player need: mono samples in [-1, 1]. */
export interface MonoAudio {
  sampleRate: number;
  samples: Float32Array;
  /** What the file held, for messages ("8000 Hz μ-law, 1 channel"). */
  description: string;
}

export class WavFileError extends Error {}

const FORMAT_NAMES: Record<number, string> = { 1: 'PCM', 3: 'float', 6: 'A-law', 7: 'μ-law', 65534: 'PCM (extensible)' };

/**
 * Reads a WAV file (16/24/32-bit or 8-bit PCM, 32/64-bit float, G.711 μ-law or
 * A-law; any rate; any number of channels, mixed down to mono) with wavefile.
 */
export function readWav(bytes: Uint8Array): MonoAudio {
  const wav = new wavefile.WaveFile();
  try {
    wav.fromBuffer(bytes);
  } catch (error) {
    throw new WavFileError(`Not a WAV file this reader understands: ${(error as Error).message}`);
  }
  // Copied: converting from G.711 rebuilds (and clears) the header object.
  const fmt = { ...(wav.fmt as { audioFormat: number; numChannels: number; sampleRate: number; bitsPerSample: number }) };
  const description = `${fmt.sampleRate} Hz ${FORMAT_NAMES[fmt.audioFormat] ?? `format ${fmt.audioFormat}`} ${fmt.bitsPerSample}-bit, ${fmt.numChannels} channel${fmt.numChannels === 1 ? '' : 's'}`;
  if (!(fmt.sampleRate > 0)) throw new WavFileError(`The WAV file has no valid sample rate (${description}).`);
  try {
    if (wav.bitDepth === '8m') wav.fromMuLaw();
    else if (wav.bitDepth === '8a') wav.fromALaw();
  } catch (error) {
    throw new WavFileError(`Cannot decode G.711 audio (${description}): ${(error as Error).message}`);
  }
  const depth = wav.bitDepth;
  const scale = depth === '32f' || depth === '64' ? 1 : depth === '8' ? 128 : 2 ** (Number(depth) - 1);
  const offset = depth === '8' ? 128 : 0; // 8-bit PCM is unsigned
  if (!Number.isFinite(scale)) throw new WavFileError(`Unsupported sample format (${description}).`);
  const raw = wav.getSamples(true, Float64Array) as unknown as Float64Array;
  const channels = Math.max(1, fmt.numChannels);
  const frames = Math.floor(raw.length / channels);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += raw[i * channels + c] - offset;
    samples[i] = sum / channels / scale;
  }
  return { sampleRate: fmt.sampleRate, samples, description };
}
