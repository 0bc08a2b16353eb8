/**
 * Answering-machine, beep and intercept (SIT) detection over the far end's
 * audio, frame by frame (30 ms Hann windows every 10 ms at 8 kHz). Pure code
 * with no runtime of its own: the renderer feeds it from an AudioWorklet during
 * a call, the CLI from a WAV file, the tests and the bench from the corpus.
 *
 * Everything is measured against the line's own noise floor, never against
 * digital silence: the 10th percentile of the 50 ms-smoothed band power over
 * the last 3 s (tones and the silence before the first sound left out). It
 * follows the line freely until someone speaks, then rises at most 1.5 dB/s,
 * so music or a TV that never pauses does not become the floor. A line hissing
 * at -25 dBFS behaves like a clean one.
 *
 * Each frame is sounding or quiet (6 dB over the floor), and a sounding frame
 * may be a tone: one or two spectral peaks (main lobes) that hold 80% of the
 * band's energy once the noise's expected share is taken out (a peak-to-band
 * ratio adapted to the noise, so a beep at 10 dB SNR in white, pink or brown
 * noise is still a tone and speech is not), each standing clear of the noise.
 * Two readings run over the frames:
 *
 *   speech:  waiting ──a word──▶ utterance ──span > greetingMax──▶ greeting ──quiet ≥ silenceAfterGreeting──▶ SILENCE-AFTER-GREETING
 *                                   │                              ▲   (held while a tone sounds or waits for its quiet;
 *                          quiet ≥ afterGreetingSilence            │    never after a person's talk)
 *                                   ▼                              │
 *                         person: `human` event ──talk adds up past greetingMax──┘
 *                                   │
 *                          beepAfterHuman with no beep ─▶ HUMAN
 *
 *            A word is 100 ms of sound in a row or within 200 ms (fast or noisy
 *            speech dips between syllables); a 50 ms tone is no word.
 *
 *   tones:   tone frames with the same one or two frequencies (each within 2%)
 *            form a run; up to 60 ms of lost or damaged frames inside it are
 *            bridged, and the same tone again within 100 ms joins it. A run is
 *              - the third of three runs at 913.8|985.2, 1370.6|1428.5 and
 *                1776.7 Hz, 200–450 ms each, back to back ─▶ SIT (an intercept:
 *                the number is not in service);
 *              - a beep candidate when its steady core lasts minBeep…maxBeep,
 *                its tones lie in 380–2,150 Hz and are not a DTMF pair, no other
 *                tone ended just before it (a melody, a sequence), and speech came
 *                before it (a beep follows a greeting; a ringback, a fax or a
 *                keypad on a silent line does not). A tone wholly inside the
 *                call-progress band (ringback, busy, call-waiting and dial tones
 *                of every country) or a fax's CNG counts only after a whole
 *                recorded greeting, never after a short "Hello?".
 *            A candidate followed by beepConfirm of quiet at least 6 dB under it
 *            ─▶ BEEP; anything sounding before that (speech, music, a real tone
 *            after it) cancels it. A beep also ends the person's wait: a short
 *            greeting ("Leave a message.") sounds like a person until its beep.
 *
 * The first of BEEP, SIT, SILENCE-AFTER-GREETING, HUMAN (or UNKNOWN when
 * maxAnalysis passes or the stream ends with nothing heard) is the verdict;
 * the detector then stops. A live human is the safe answer: the rep takes
 * over, nothing is played.
 */
import { FrameAnalyzer, type FrameFeatures } from './frame-analysis.js';
import { ANALYSIS_RATE, Resampler } from './resample.js';

export type DetectorVerdict = 'beep' | 'human' | 'silence-after-greeting' | 'sit' | 'unknown';

export interface BeepFound {
  /** Where the steady tone starts and ends in the stream, seconds. */
  beepStartS: number;
  beepEndS: number;
  /** The beep's (strongest) frequency. */
  beepHz: number;
  /** Every frequency sounding in the beep, lowest first: one, or two for a two-tone beep. */
  beepTonesHz: number[];
}

export type DetectorEvent =
  | { kind: 'speech'; atS: number }
  | { kind: 'machine-greeting'; atS: number }
  | { kind: 'human'; atS: number }
  | ({ kind: 'beep'; atS: number } & BeepFound)
  | { kind: 'sit'; atS: number; tonesHz: number[] }
  | { kind: 'silence-after-greeting'; atS: number }
  | { kind: 'unknown'; atS: number };

export interface DetectorSettings {
  /** A machine greeting followed by this much quiet and no beep: drop anyway. */
  silenceAfterGreetingMs: number;
  /** Speech lasting longer than this without a long pause is a recorded greeting, not someone saying hello. */
  greetingMaxMs: number;
  /** A short utterance followed by this much quiet is a person waiting for an answer. */
  afterGreetingSilenceMs: number;
  /** Voice shorter than this (a click, a breath) does not start an utterance. */
  minWordMs: number;
  /** Bounds on the beep's steady part; measured to the 10 ms frame, so 90 accepts a 100 ms beep. */
  minBeepMs: number;
  maxBeepMs: number;
  /** Quiet needed after the tone before it counts as the beep (a recorder is listening now). */
  beepConfirmMs: number;
  /**
   * After a short utterance and a pause (a person, or a machine with a very short greeting), how long a
   * beep is still listened for: a beep then means a machine after all. The person's verdict comes when
   * this passes; the `human` event comes at once.
   */
  beepAfterHumanMs: number;
  /** Past this with no verdict, the detector gives up: unknown. */
  maxAnalysisMs: number;
}

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  silenceAfterGreetingMs: 3000,
  greetingMaxMs: 2000,
  afterGreetingSilenceMs: 800,
  minWordMs: 100,
  minBeepMs: 90,
  // A fax answering (CED, 2,100 Hz) sounds for 2.6–4 s; no voicemail beep lasts 2 s.
  maxBeepMs: 2000,
  beepConfirmMs: 80,
  beepAfterHumanMs: 4000,
  maxAnalysisMs: 60_000,
};

const WINDOW_S = 0.03;
const HOP = 80; // samples at 8 kHz: 10 ms
const HOP_MS = (HOP / ANALYSIS_RATE) * 1000;
const FLOOR_WINDOW_FRAMES = 300; // 3 s
const FLOOR_SMOOTH_FRAMES = 5;
const FLOOR_PERCENTILE = 0.1;
const FLOOR_EVERY_FRAMES = 10;
const FLOOR_RISE_DB_PER_S = 1.5;
/** Two peaks holding this much of the band with no noise taken out: a tone, kept out of the floor. */
const PLAINLY_TONAL_SHARE = 0.9;
/** Below -90 dBFS a frame is digital silence; the floor rises from here as from any other reading. */
const SILENT_POWER = 1e-9;
/** The floor is a low percentile of the smoothed level: a steady noise's mean power sits about this far above it. */
const NOISE_MEAN_OVER_FLOOR = 1.25;
/** Quieter than this is always quiet (a silent line still has a floor). */
const NEVER_LOUD_DB = -62;
const LOUD_ABOVE_FLOOR_DB = 6;
const AFTER_BEEP_SOUND_DB = 10;
/** Share of the band's energy, noise share taken out, that the tone's peaks must hold. */
const TONE_SHARE = 0.8;
/** A peak must stand this far above what the noise floor puts into one lobe… */
const PEAK_OVER_NOISE = 20;
/** …and the tone above the whole band's noise: a frame barely over the floor is no tone, whatever its shape. */
const TONE_OVER_NOISE = 2;
/** A second peak within this ratio of the first is part of the tone (a two-tone beep), not a leftover. */
const SECOND_TONE_RATIO = 0.1;
const BEEP_LOW_HZ = 380;
/** No signalling tone (ringback, SIT, DTMF, a beep) lies lower than this; below it a peak is a voice's pitch. */
const TONE_LOW_HZ = 320;
const BEEP_HIGH_HZ = 2150;
/** Ringback, busy, dial and call-waiting tones of every country lie wholly in this band. */
const PROGRESS_LOW_HZ = 340;
const PROGRESS_HIGH_HZ = 640;
const PROGRESS_SINGLE_HIGH_HZ = 500;
const STEADY_LEVEL_DB = 4;
/** Damaged frames (a lost packet) a run bridges, and the share of a run they may take. */
const MAX_HOLE_FRAMES = 6;
const MAX_HOLE_SHARE = 0.3;
/** The same tone resuming within this after a run ended is the same tone, cut by lost packets. */
const MERGE_GAP_S = 0.1;
/** Fewer tone frames than this are no run at all. */
const MIN_RUN_FRAMES = 5;
/** Another tone ending closer than this before a run makes the run part of a sequence, not a beep. */
const SEQUENCE_GAP_S = 0.35;
/** The stretch over which syllables add up to a word (fast or noisy speech dips between them). */
const SPEECH_WINDOW_FRAMES = 20;
/** Of a word's length, the share of sounding frames within the window that still breaks a pause. */
const SOUND_IN_WINDOW = 0.8;
/** Sound other than tones heard before a beep counts as its greeting. */
const SPEECH_BEFORE_BEEP_MS = 300;
const DTMF_LOW = [697, 770, 852, 941];
const DTMF_HIGH = [1209, 1336, 1477, 1633];
const DTMF_TOLERANCE = 0.03;
/** ITU-T E.180 / Telcordia SIT: three segments, each one of these frequencies, 274 or 380 ms. */
const SIT_SEGMENTS = [[913.8, 985.2], [1370.6, 1428.5], [1776.7]];
const SIT_TOLERANCE = 0.03;
const SIT_MIN_S = 0.2;
const SIT_MAX_S = 0.45;
const SIT_MAX_GAP_S = 0.08;
/** A run starting this early began with the audio itself: the detector was not listening before it. */
const AUDIO_START_S = 0.05;
/** Frames after a plainly tonal one that straddle its edge (the 30 ms window over a 10 ms hop). */
const TONE_EDGE_FRAMES = 3;
/** Within 3 dB of the tone: the window still holds a tone, not the line's noise. */
const TONE_EDGE_POWER_SHARE = 0.5;
/**
 * A window centred on the tone's edge holds half its energy (-3 dB) and the
 * few ms of fade every real beep has take a few dB more: the edge is placed
 * where the level crosses 6 dB below the steady part, between two frames.
 */
const EDGE_DB = 6;

interface ToneFrame {
  centerS: number;
  /** The tone's frequencies, lowest first (empty for a frame bridged inside a run). */
  hz: number[];
  /** Each tone's power in its lobe, in hz's order. */
  powers: number[];
  levelDb: number;
  tone: boolean;
  quiet: boolean;
}

interface ClosedRun {
  startS: number;
  endS: number;
  hz: number[];
}

type SpeechPhase = 'waiting' | 'utterance' | 'greeting' | 'person';

function edgeTime(outside: ToneFrame | undefined, inside: ToneFrame, levelDb: number): number | null {
  if (!outside || outside.levelDb >= levelDb || inside.levelDb <= levelDb) return null;
  const t = (levelDb - outside.levelDb) / (inside.levelDb - outside.levelDb);
  return outside.centerS + t * (inside.centerS - outside.centerS);
}

const near = (hz: number, target: number, tolerance: number) => Math.abs(hz - target) <= target * tolerance;

function isDtmfPair(hz: number[]): boolean {
  return hz.length === 2 && DTMF_LOW.some((f) => near(hz[0], f, DTMF_TOLERANCE)) && DTMF_HIGH.some((f) => near(hz[1], f, DTMF_TOLERANCE));
}

/** A calling fax's CNG: 1,100 Hz for half a second (every 3.5 s, but the first must not be taken for a beep). */
function isFaxCalling(hz: number[], seconds: number): boolean {
  return hz.length === 1 && near(hz[0], 1100, 0.035) && seconds >= 0.4 && seconds <= 0.65;
}

function inProgressBand(hz: number[]): boolean {
  // One tone: 350–500 Hz (400, 425, 440, 450…); two: up to US busy's 480 + 620 Hz.
  const high = hz.length === 1 ? PROGRESS_SINGLE_HIGH_HZ : PROGRESS_HIGH_HZ;
  return hz.every((f) => f >= PROGRESS_LOW_HZ && f <= high);
}

export class BeepDetector {
  readonly settings: DetectorSettings;
  private readonly resampler: Resampler;
  private readonly analyzer = new FrameAnalyzer(ANALYSIS_RATE, WINDOW_S);
  private readonly edgeFrames: number;
  private buffer = new Float32Array(0);
  /** Index (in 8 kHz samples since the start) of buffer[0]. */
  private bufferStart = 0;
  private nextFrame = 0;
  private readonly recentPowers = new Float64Array(FLOOR_SMOOTH_FRAMES);
  private readonly smoothedPowers = new Float64Array(FLOOR_WINDOW_FRAMES);
  private readonly sortBuffer = new Float64Array(FLOOR_WINDOW_FRAMES);
  private floor = 0;
  private floorAt = 0;
  private framesSeen = 0;
  /** The last plainly tonal frame's power, and how many frames ago it was (see noiseFloor). */
  private tonalPower = 0;
  private framesSinceTonal = Infinity;
  private decided: DetectorEvent | null = null;
  /** The person heard (a short utterance, then a pause), while a beep is still listened for. */
  private person: DetectorEvent | null = null;

  private phase: SpeechPhase = 'waiting';
  private voiceRunMs = 0;
  private voiceRunStartS = 0;
  private utteranceStartS = 0;
  private lastVoiceS = 0;
  private quietMs = 0;
  private loudRunMs = 0;
  private readonly voiceWindow = new Uint8Array(SPEECH_WINDOW_FRAMES);
  private readonly soundWindow = new Uint8Array(SPEECH_WINDOW_FRAMES);
  private voiceCount = 0;
  private soundCount = 0;
  private speechFrames = 0;
  private lastSoundS = 0;
  private personTalkStartS: number | null = null;
  private greetingAfterPerson = false;
  private wordEndS = 0;
  /** Sound that was neither quiet nor a tone, summed since the start: a greeting came first. */
  private soundMs = 0;

  private run: ToneFrame[] = [];
  private previousFrame: ToneFrame | undefined = undefined;
  /** The frame just before the current run's first: where its start edge is measured from. */
  private lastFrameBeforeRun: ToneFrame | undefined = undefined;
  private holes = 0;
  private closedRuns: ClosedRun[] = [];
  private candidate: (BeepFound & { levelDb: number; quietMs: number; framesAfter: number }) | null = null;

  constructor(
    readonly sampleRate: number,
    settings: Partial<DetectorSettings> = {},
  ) {
    this.settings = { ...DEFAULT_DETECTOR_SETTINGS, ...settings };
    this.resampler = new Resampler(sampleRate);
    this.edgeFrames = Math.ceil(this.analyzer.windowLength / HOP) + 1;
  }

  /** The verdict once there is one (the detector ignores audio after it). */
  get verdict(): DetectorEvent | null {
    return this.decided;
  }

  /** Feeds mono samples in [-1, 1] at the detector's sample rate; returns what was recognised in them. */
  push(samples: Float32Array): DetectorEvent[] {
    if (this.decided) return [];
    const fresh = this.resampler.push(samples);
    const joined = new Float32Array(this.buffer.length + fresh.length);
    joined.set(this.buffer);
    joined.set(fresh, this.buffer.length);
    this.buffer = joined;
    const events: DetectorEvent[] = [];
    const windowLength = this.analyzer.windowLength;
    while (!this.decided && this.nextFrame - this.bufferStart + windowLength <= this.buffer.length) {
      const start = this.nextFrame - this.bufferStart;
      this.onFrame(this.analyzer.analyze(this.buffer, start), this.nextFrame, events);
      this.nextFrame += HOP;
    }
    const drop = Math.max(0, this.nextFrame - this.bufferStart);
    this.buffer = this.buffer.slice(drop);
    this.bufferStart += drop;
    return events;
  }

  /** The stream ended (hang-up, end of file): a verdict reached stands, a person heard stands, otherwise unknown. */
  finish(): DetectorEvent[] {
    if (this.decided) return [];
    const events: DetectorEvent[] = [];
    // A person was heard and no beep followed before the end: that stands (its event went out already).
    if (this.person) this.decided = this.person;
    else this.decide({ kind: 'unknown', atS: this.nextFrame / ANALYSIS_RATE }, events);
    return events;
  }

  private onFrame(features: FrameFeatures, startSample: number, events: DetectorEvent[]): void {
    const floorPower = this.noiseFloor(features.bandPower, features.twoPeakShare >= PLAINLY_TONAL_SHARE);
    const floorDb = floorPower > 0 ? 10 * Math.log10(floorPower) + 3.0103 : -100;
    const nowS = (startSample + this.analyzer.windowLength) / ANALYSIS_RATE;
    const centerS = (startSample + this.analyzer.windowLength / 2) / ANALYSIS_RATE;
    const loud = features.levelDb >= Math.max(floorDb + LOUD_ABOVE_FLOOR_DB, NEVER_LOUD_DB);
    const { toneHz, powers, toneLike } = this.tones(features, floorPower * NOISE_MEAN_OVER_FLOOR, loud);
    const voice = loud && !toneLike;
    if (voice) this.soundMs += HOP_MS;

    // After a beep the recorder listens: quiet there is anything short of a clear sound over the floor (a line's
    // brown hum swings several dB from frame to frame).
    const quiet = features.levelDb < Math.max(floorDb + AFTER_BEEP_SOUND_DB, NEVER_LOUD_DB);
    const frame: ToneFrame = { centerS, hz: toneHz ?? [], powers, levelDb: features.levelDb, tone: toneHz !== null, quiet };
    this.followTones(frame, nowS, events);
    this.previousFrame = frame;
    if (this.decided) return;
    // A tone holding for 50 ms is not a word, so it neither breaks a pause nor makes it; shorter ones may be a vowel.
    this.followSpeech(voice, loud && !(toneHz !== null && this.run.length >= MIN_RUN_FRAMES), centerS, nowS, events);
    if (this.decided) return;
    if (this.person && (nowS - Math.max(this.person.atS, this.lastVoiceS)) * 1000 >= this.settings.beepAfterHumanMs) {
      // The person's event went out when it was heard; now it is the verdict too.
      this.decided = this.person;
      return;
    }
    if (nowS * 1000 >= this.settings.maxAnalysisMs) this.decide({ kind: 'unknown', atS: nowS }, events);
  }

  /**
   * The frame's tone, if it is one: its one or two frequencies when those peaks hold TONE_SHARE of what
   * the band carries above the noise's expected share, and stand well clear of the noise in their lobes.
   * toneLike also covers tones outside the beep band, so they are not taken for voice.
   */
  private tones(f: FrameFeatures, noisePower: number, loud: boolean): { toneHz: number[] | null; powers: number[]; toneLike: boolean } {
    if (!loud || f.peaks.length === 0) return { toneHz: null, powers: [], toneLike: false };
    const noiseInLobe = noisePower * f.lobeShare;
    const cleanShare = (tonePower: number, lobes: number) => {
      const excess = Math.max(0, f.bandPower - tonePower - noisePower * (1 - lobes * f.lobeShare));
      return tonePower / (tonePower + excess);
    };
    const [first, second] = f.peaks;
    const secondCounts = second !== undefined && second.power >= first.power * SECOND_TONE_RATIO && second.power >= noiseInLobe * PEAK_OVER_NOISE;
    const share = secondCounts ? cleanShare(first.power + second.power, 2) : cleanShare(first.power, 1);
    const tonePower = first.power + (secondCounts ? second.power : 0);
    const standsOut = first.power >= noiseInLobe * PEAK_OVER_NOISE && tonePower >= noisePower * TONE_OVER_NOISE;
    // Voiced speech under noise can show little more than its lowest harmonics (a 240 Hz voice: 240 + 480):
    // a "tone" reaching below the lowest signalling tone is a voice.
    const signalling = first.hz >= TONE_LOW_HZ && (!secondCounts || second.hz >= TONE_LOW_HZ);
    const pairLike = second !== undefined && second.hz >= TONE_LOW_HZ && first.hz >= TONE_LOW_HZ;
    const toneLike =
      (signalling && standsOut && share >= TONE_SHARE) ||
      (pairLike && first.power + second.power >= noisePower * TONE_OVER_NOISE && cleanShare(first.power + second.power, 2) >= TONE_SHARE);
    if (share < TONE_SHARE || !standsOut || !signalling) return { toneHz: null, powers: [], toneLike };
    if (!secondCounts) return { toneHz: [first.hz], powers: [first.power], toneLike: true };
    const lowFirst = first.hz < second.hz;
    return {
      toneHz: lowFirst ? [first.hz, second.hz] : [second.hz, first.hz],
      powers: lowFirst ? [first.power, second.power] : [second.power, first.power],
      toneLike: true,
    };
  }

  /**
   * The line's floor: the 10th percentile of the 50 ms-smoothed band power over the last 3 s, worked out
   * every 100 ms (lost packets' silent moments do not pull it down to nothing, a greeting's pauses still show).
   */
  private noiseFloor(power: number, plainlyTonal: boolean): number {
    // Digital silence before the first sound is no audio yet (the answer arrives before the media), not the
    // line; and a tone is never the line's noise (an intercept's tones on a clean line would become its floor).
    if (this.framesSeen === 0 && power < SILENT_POWER) return SILENT_POWER;
    if (plainlyTonal) {
      this.tonalPower = power;
      this.framesSinceTonal = 0;
      return this.framesSeen === 0 ? SILENT_POWER : this.floor;
    }
    // The few frames whose window straddles two tones back to back (an intercept's segments) hold two
    // frequencies, so they are not plainly tonal, yet they are the tones' level, not the line's: on a call
    // heard from inside an intercept they would be the first frames of the floor, and lift it to the tones.
    this.framesSinceTonal++;
    if (this.framesSinceTonal <= TONE_EDGE_FRAMES && power >= this.tonalPower * TONE_EDGE_POWER_SHARE) return this.framesSeen === 0 ? SILENT_POWER : this.floor;
    this.recentPowers[this.framesSeen % FLOOR_SMOOTH_FRAMES] = power;
    const k = Math.min(this.framesSeen + 1, FLOOR_SMOOTH_FRAMES);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += this.recentPowers[i];
    this.smoothedPowers[this.framesSeen % FLOOR_WINDOW_FRAMES] = sum / k;
    this.framesSeen++;
    if (this.framesSeen <= FLOOR_SMOOTH_FRAMES * 2 || this.framesSeen % FLOOR_EVERY_FRAMES === 0) {
      const n = Math.min(this.framesSeen, FLOOR_WINDOW_FRAMES);
      const sorted = this.sortBuffer.subarray(0, n);
      sorted.set(this.smoothedPowers.subarray(0, n));
      sorted.sort();
      const measured = sorted[Math.floor(n * FLOOR_PERCENTILE)];
      // Down at once; up freely until someone speaks, then slowly: a line's noise is there from the answer
      // on, while music or a TV that never pauses must not become the floor it is measured against (then it
      // would be "quiet").
      const framesSince = this.framesSeen - this.floorAt;
      const free = this.phase === 'waiting';
      const ceiling = free ? Infinity : Math.max(this.floor, SILENT_POWER) * 10 ** ((FLOOR_RISE_DB_PER_S * framesSince * HOP_MS) / 10_000);
      this.floor = Math.min(measured, ceiling);
      this.floorAt = this.framesSeen;
    }
    return this.floor;
  }


  private sameTone(hz: number[]): boolean {
    const tonal = this.run.filter((f) => f.tone);
    if (tonal.length === 0 || tonal[0].hz.length !== hz.length) return false;
    return hz.every((f, i) => {
      let sum = 0;
      for (const r of tonal) sum += r.hz[i];
      const mean = sum / tonal.length;
      return Math.abs(f - mean) <= Math.max(15, mean * 0.02);
    });
  }

  private followTones(frame: ToneFrame, nowS: number, events: DetectorEvent[]): void {
    if (frame.tone) {
      if (this.run.length > 0 && this.sameTone(frame.hz)) {
        this.run.push(frame);
        this.holes = 0;
        // A real tone right after a candidate (a melody, a sequence): what was waiting for its quiet is no beep.
        // A few frames are not one yet (the candidate's own fading edge can read as a slightly other tone).
        if (this.candidate && this.run.filter((f) => f.tone).length >= MIN_RUN_FRAMES) this.candidate = null;
        return;
      }
      this.closeRun(nowS, events);
      if (this.decided) return;
      this.lastFrameBeforeRun = this.previousFrame;
      this.run = [frame];
      this.holes = 0;
      return;
    }
    if (this.run.length > 0) {
      this.holes++;
      this.run.push(frame);
      // Past the bridge: the run is over, and its bridged frames (this one too) are replayed after it.
      if (this.holes > MAX_HOLE_FRAMES) this.closeRun(nowS, events);
      return;
    }
    this.afterCandidate(frame, nowS, events);
  }

  /** A frame after a beep candidate: quiet confirms it, sound cancels it. */
  private afterCandidate(frame: ToneFrame, nowS: number, events: DetectorEvent[]): void {
    const candidate = this.candidate;
    if (!candidate) return;
    candidate.framesAfter++;
    // The tone must stop, not just fall under the line's sound threshold: a siren turning, a horn fading
    // into the street noise, a note held under music are not followed by anything 6 dB quieter.
    if (!frame.quiet || frame.levelDb > candidate.levelDb - EDGE_DB) {
      // The window still overlapping the tone's fading edge is neither quiet nor a reason to doubt it.
      const fadingEdge = candidate.framesAfter <= this.edgeFrames && frame.levelDb <= candidate.levelDb - EDGE_DB;
      if (!fadingEdge) this.candidate = null;
      return;
    }
    candidate.quietMs += HOP_MS;
    if (candidate.quietMs >= this.settings.beepConfirmMs) {
      const { beepStartS, beepEndS, beepHz, beepTonesHz } = candidate;
      this.decide({ kind: 'beep', atS: nowS, beepStartS, beepEndS, beepHz, beepTonesHz }, events);
    }
  }

  /**
   * A run of tone frames ended: a SIT when it completes the three-tone sequence, else a beep candidate when
   * its core is steady, long enough, and the context fits. The bridged frames after its last tone frame
   * are replayed as the frames after the candidate.
   */
  private closeRun(nowS: number, events: DetectorEvent[]): void {
    const all = this.run;
    this.run = [];
    this.holes = 0;
    if (all.filter((f) => f.tone).length < MIN_RUN_FRAMES) {
      // A few tone frames (a tone's onset or fading edge seen through noise, a chance peak) are no tone of their
      // own: they are just frames after whatever candidate is waiting.
      for (const frame of all) {
        this.afterCandidate(frame, nowS, events);
        if (this.decided || !this.candidate) return;
      }
      return;
    }
    this.candidate = null;
    let lastTone = all.length - 1;
    while (lastTone >= 0 && !all[lastTone].tone) lastTone--;
    if (lastTone < 0) return;
    const run = all.slice(0, lastTone + 1);
    const trailing = all.slice(lastTone + 1);
    const tonal = run.filter((f) => f.tone);
    const hz = tonal[0].hz.map((_, i) => tonal.reduce((sum, f) => sum + f.hz[i], 0) / tonal.length);
    const loudest = Math.max(...tonal.map((f) => f.levelDb));
    const steady = (f: ToneFrame) => f.tone && f.levelDb >= loudest - STEADY_LEVEL_DB;
    let first = 0;
    let last = run.length - 1;
    while (first <= last && !steady(run[first])) first++;
    while (last >= first && !steady(run[last])) last--;
    let startS = edgeTime(this.frameBefore(run, first), run[first], loudest - EDGE_DB) ?? run[first].centerS - HOP_MS / 2000;
    const endS = edgeTime(run[last + 1] ?? trailing[0], run[last], loudest - EDGE_DB) ?? run[last].centerS + HOP_MS / 2000;
    let previous = this.closedRuns.at(-1);
    const sameAsPrevious = previous && previous.hz.length === hz.length && previous.hz.every((f, i) => Math.abs(f - hz[i]) <= Math.max(15, f * 0.02));
    if (previous && sameAsPrevious && startS - previous.endS <= MERGE_GAP_S) {
      // The same tone again after a gap longer than the bridge (two packets lost back to back): one tone.
      startS = previous.startS;
      this.closedRuns.pop();
      previous = this.closedRuns.at(-1);
    }
    this.closedRuns.push({ startS, endS, hz });
    if (this.closedRuns.length > 3) this.closedRuns.shift();
    if (this.isSit()) {
      this.decide({ kind: 'sit', atS: nowS, tonesHz: this.closedRuns.map((r) => Number(r.hz[0].toFixed(1))) }, events);
      return;
    }
    if (first > this.edgeFrames || run.length - 1 - last > this.edgeFrames) return;
    let holes = 0;
    for (let i = first; i <= last; i++) if (!steady(run[i])) holes++;
    if (holes > MAX_HOLE_SHARE * (last - first + 1)) return;
    const durationMs = (endS - startS) * 1000;
    if (durationMs < this.settings.minBeepMs || durationMs > this.settings.maxBeepMs) return;
    if (hz.some((f) => f < BEEP_LOW_HZ || f > BEEP_HIGH_HZ) || isDtmfPair(hz)) return;
    if (previous && startS - previous.endS < SEQUENCE_GAP_S) return;
    if (this.soundMs < SPEECH_BEFORE_BEEP_MS) return;
    if ((inProgressBand(hz) || isFaxCalling(hz, endS - startS)) && this.phase !== 'greeting') return;
    const power = (i: number) => tonal.reduce((sum, f) => sum + f.powers[i], 0);
    const strongest = hz.length === 2 && power(1) > power(0) ? 1 : 0;
    this.candidate = {
      beepStartS: startS,
      beepEndS: endS,
      beepHz: hz[strongest],
      beepTonesHz: hz,
      levelDb: loudest,
      quietMs: 0,
      framesAfter: 0,
    };
    for (const frame of trailing) {
      this.afterCandidate(frame, nowS, events);
      if (this.decided || !this.candidate) return;
    }
  }

  private frameBefore(run: ToneFrame[], first: number): ToneFrame | undefined {
    return first > 0 ? run[first - 1] : this.lastFrameBeforeRun;
  }


  /**
   * The three SIT segments back to back; or their tail, when listening began in the middle of them: the
   * page starts listening once the answer reaches it, often a few hundred ms into an intercept that plays
   * from the first instant. Then the first run heard began with the audio itself and may be cut short, and
   * at least the last two segments must follow it (one tone alone could be any beep).
   */
  private isSit(): boolean {
    const runs = this.closedRuns;
    for (const heard of [3, 2]) {
      if (runs.length < heard) continue;
      const tail = runs.slice(-heard);
      const segments = SIT_SEGMENTS.slice(SIT_SEGMENTS.length - heard);
      const cutAtStart = tail[0].startS <= AUDIO_START_S && (heard === 3 || runs.length === heard);
      if (heard < 3 && !cutAtStart) continue;
      const fits = tail.every((r, i) => {
        const duration = r.endS - r.startS;
        const minS = i === 0 && cutAtStart ? 0 : SIT_MIN_S;
        const gapOk = i === 0 || r.startS - tail[i - 1].endS <= SIT_MAX_GAP_S;
        return r.hz.length === 1 && segments[i].some((f) => near(r.hz[0], f, SIT_TOLERANCE)) && duration >= minS && duration <= SIT_MAX_S && gapOk;
      });
      if (fits) return true;
    }
    return false;
  }

  private followSpeech(voice: boolean, sound: boolean, centerS: number, nowS: number, events: DetectorEvent[]): void {
    const s = this.settings;
    // Fast or noisy speech is syllables of 40–100 ms between dips into the noise: a word is either that much
    // voice in a row or that much voice within the last 200 ms.
    const slot = this.speechFrames % SPEECH_WINDOW_FRAMES;
    this.voiceCount += (voice ? 1 : 0) - this.voiceWindow[slot];
    this.soundCount += (sound ? 1 : 0) - this.soundWindow[slot];
    this.voiceWindow[slot] = voice ? 1 : 0;
    this.soundWindow[slot] = sound ? 1 : 0;
    this.speechFrames++;
    const wordFrames = s.minWordMs / HOP_MS;
    if (voice) {
      if (this.voiceRunMs === 0) this.voiceRunStartS = centerS;
      this.voiceRunMs += HOP_MS;
      // One voice-like frame (a tone's first, half-filled window; a click) does not stretch an utterance.
      if (this.voiceRunMs >= s.minWordMs || this.voiceCount >= wordFrames) this.lastVoiceS = centerS;
      if (this.phase === 'waiting' && (this.voiceRunMs >= s.minWordMs || this.voiceCount >= wordFrames)) {
        this.phase = 'utterance';
        this.utteranceStartS = this.voiceRunMs >= s.minWordMs ? this.voiceRunStartS : centerS - (SPEECH_WINDOW_FRAMES * HOP_MS) / 1000;
        events.push({ kind: 'speech', atS: nowS });
      }
    } else {
      this.voiceRunMs = 0;
    }
    // A pause is broken only by sound lasting a word's length: a lone loud frame (a click, a surge of
    // line noise) neither ends it nor starts it again, and a tone (call waiting, a key) is no word.
    this.loudRunMs = sound ? this.loudRunMs + HOP_MS : 0;
    const word = this.loudRunMs >= s.minWordMs || this.soundCount >= wordFrames * SOUND_IN_WINDOW;
    if (sound) this.lastSoundS = centerS;
    // The pause runs from the last sounding frame of the last word, not from when the window emptied.
    if (word) this.wordEndS = this.lastSoundS;
    this.quietMs = word ? 0 : Math.round((centerS - this.wordEndS) * 1000);
    if (this.phase === 'person') {
      // A machine's greeting can open like a person ("Hi, you've reached Sam Patel." and a breath): speech that
      // adds up to more than a greeting's length makes it a greeting after all. A person who goes on talking then
      // gets a message only at a beep, never after a silence.
      if (this.voiceRunMs >= s.minWordMs || this.voiceCount >= wordFrames) this.personTalkStartS ??= this.lastVoiceS;
      if (this.personTalkStartS !== null && (this.lastVoiceS - this.personTalkStartS) * 1000 > s.greetingMaxMs) {
        this.phase = 'greeting';
        this.person = null;
        this.greetingAfterPerson = true;
        events.push({ kind: 'machine-greeting', atS: nowS });
      }
    } else if (this.phase === 'utterance') {
      if ((this.lastVoiceS - this.utteranceStartS) * 1000 > s.greetingMaxMs) {
        this.phase = 'greeting';
        events.push({ kind: 'machine-greeting', atS: nowS });
      } else if (this.quietMs >= s.afterGreetingSilenceMs) {
        this.phase = 'person';
        this.person = { kind: 'human', atS: nowS };
        events.push(this.person);
      }
    } else if (this.phase === 'greeting' && !this.greetingAfterPerson && this.quietMs >= s.silenceAfterGreetingMs && this.run.length === 0 && !this.candidate) {
      // (A tone sounding or waiting for its quiet holds this: a late beep is still the beep.)
      this.decide({ kind: 'silence-after-greeting', atS: nowS }, events);
    }
  }


  private decide(event: DetectorEvent, events: DetectorEvent[]): void {
    this.decided = event;
    events.push(event);
  }
}
