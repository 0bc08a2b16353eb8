/**
 * What a practice far end plays once it picks up, at the 8 kHz of a phone line: a spoken greeting
 * or hello (the OS speech engine, as read-out voicemails use it), the box's beep, and the hiss of a
 * noisy line. Without a speech engine the far end still picks up and beeps, a murmur where the
 * words would be, and `note` says so: practice never fails for want of a voice.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../schedule/seeded-random.js';
import { readWav } from '../voicemail-audio/read-wav.js';
import type { SpeechEngine } from '../voicemail-audio/speech-engines.js';
import { Resampler } from '../../../shared/voicemail/resample.js';
import { concat, LINE_RATE, mixAt, murmur, noise, silence, tone } from '../../../shared/voicemail/signals.js';
import type { FarEnd } from './far-end-draw.js';

export interface FarEndAudio {
  /** Mono samples at LINE_RATE. */
  samples: Float32Array;
  /** Where the beep ends (seconds from pick-up), for a box; else null. */
  beepEndS: number | null;
  /** Said to the rep when the far end could not speak (no speech engine). */
  note: string | null;
}

/** How long a box keeps recording (and a line keeps hissing) after its beep, within the audio sent. */
const RECORDING_TAIL_S = 8;
/** The pause after pick-up before the far end speaks. */
const LEAD_IN_S = 0.4;

/**
 * Renders and caches spoken lines (by text and rate). One renderer per practice line: the same
 * greeting is spoken once per run, not once per call.
 */
export class FarEndVoice {
  private readonly cache = new Map<string, Promise<Float32Array>>();

  constructor(private readonly engine: () => Promise<SpeechEngine | null>) {}

  /** The words at 8 kHz, or null when this computer has no speech engine (or it failed). */
  async speak(text: string, rateWpm: number): Promise<{ samples: Float32Array | null; why: string | null }> {
    const engine = await this.engine().catch(() => null);
    if (!engine) return { samples: null, why: 'no speech engine is installed (espeak-ng on Linux)' };
    const key = `${rateWpm}|${text}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = render(engine, text, rateWpm);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    try {
      return { samples: await pending, why: null };
    } catch (error) {
      return { samples: null, why: `${engine.label} could not speak (${error instanceof Error ? error.message : String(error)})` };
    }
  }
}

async function render(engine: SpeechEngine, text: string, rateWpm: number): Promise<Float32Array> {
  const dir = await mkdtemp(join(tmpdir(), 'dialdesk-practice-'));
  try {
    const file = join(dir, 'far-end.wav');
    await engine.render(text, { voice: '', rateWpm }, file);
    const audio = readWav(await readFile(file));
    const samples = audio.sampleRate === LINE_RATE ? audio.samples : new Resampler(audio.sampleRate).push(audio.samples);
    // The engine's level varies; a far end speaks at a phone's usual -20 dBFS or so.
    let peak = 0;
    for (const v of samples) peak = Math.max(peak, Math.abs(v));
    return peak > 0 ? samples.map((v) => (v / peak) * 0.5) : samples;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The audio of a far end that picks up (a box or a person); `seed` draws the line's hiss. */
export async function renderFarEndAudio(farEnd: FarEnd, voice: FarEndVoice, seed: number): Promise<FarEndAudio> {
  if (farEnd.kind !== 'voicemail' && farEnd.kind !== 'person') throw new Error(`A ${farEnd.kind} far end never picks up`);
  const spoken = farEnd.speech ? await voice.speak(farEnd.speech, farEnd.rateWpm) : { samples: null, why: null };
  // Without words a box murmurs where its greeting would be (a beep out of silence is no box's, and the
  // detector rightly waits for a greeting first); a person without words says nothing.
  const words = spoken.samples ?? (farEnd.kind === 'voicemail' ? murmur(seededRandom(seed ^ 0x5bd1e995), 2.5) : silence(1.5));
  const note = spoken.why
    ? farEnd.kind === 'voicemail'
      ? `This practice box has no spoken greeting: ${spoken.why}. It murmurs instead, then beeps.`
      : `This practice person says nothing: ${spoken.why}.`
    : null;
  if (farEnd.kind === 'person') return { samples: concat(silence(LEAD_IN_S), words), beepEndS: null, note };
  const beep = farEnd.beep!;
  const greeting = concat(silence(LEAD_IN_S), words, silence(0.35));
  const beepEndS = greeting.length / LINE_RATE + beep.seconds;
  const samples = concat(greeting, tone({ hz: beep.hz, seconds: beep.seconds, amplitude: beep.amplitude, fadeS: 0.008 }), silence(RECORDING_TAIL_S));
  if (beep.lineNoise) {
    const hiss = noise(seededRandom(seed), samples.length / LINE_RATE, beep.lineNoise.colour);
    mixAt(samples, hiss, 0, beep.lineNoise.rms);
  }
  return { samples, beepEndS, note };
}
