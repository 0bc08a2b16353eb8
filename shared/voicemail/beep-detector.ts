/**
 * Answering-machine, beep and intercept (SIT) detection over the far end's
 * audio, frame by frame (30 ms Hann windows every 10 ms at 8 kHz). Pure code
 * with no runtime of its own: the renderer feeds it from an AudioWorklet during
 * a call, the CLI from a WAV file, the tests and the bench from the corpus.
 *
 * Everything is measured against the line's own noise floor (the lowest
 * 50 ms-smoothed level of the last 3 s), never against digital silence, so a
 * line hissing at -25 dBFS behaves like a clean one.
 *
 * Each frame is sounding or quiet (at least 8 dB over the floor), and a
 * sounding frame may be a tone: one or two spectral peaks (main lobes) that
 * hold at least 80% of the band's energy once the floor's expected share is
 * taken out (a peak-to-band ratio adapted to the noise, so a beep at 10 dB SNR
 * in white, pink or brown noise is still a tone and speech never is). Two
 * independent readings run over the frames:
 *
 *   speech:  waiting ──voice ≥ minWord──▶ utterance ──span > greetingMax──▶ greeting
 *                                             │                              │
 *                               quiet ≥ afterGreetingSilence        quiet ≥ silenceAfterGreeting
 *                                             ▼                              ▼
 *                                          HUMAN                  SILENCE-AFTER-GREETING
 *
 *   tones:   tone frames with the same one or two frequencies (each within 2%)
 *            form a run; up to 60 ms of lost or damaged frames inside it are
 *            bridged (a lost 20 ms packet). A finished run is
 *              - the third of three runs at 913.8|985.2, 1370.6|1428.5 and
 *                1776.7 Hz, 200–450 ms each, back to back ─▶ SIT (an intercept:
 *                the number is not in service);
 *              - a beep candidate when its steady core lasts minBeep…maxBeep,
 *                its tones lie in 380–2,150 Hz and are not a DTMF pair, no other
 *                tone ended just before it (a melody, a SIT), and speech came
 *                before it (a beep follows a greeting; a ringback, a fax or a
 *                keypad on a silent line does not). A tone wholly inside the
 *                call-progress band (340–640 Hz: ringback, busy, call-waiting
 *                and dial tones of every country) counts only after a whole
 *                recorded greeting, never after a short "Hello?".
 *            A candidate followed by beepConfirm of quiet ─▶ BEEP; anything
 *            sounding before that (speech, music, the same tone again) cancels it.
 *
 * The first of HUMAN, BEEP, SIT, SILENCE-AFTER-GREETING (or UNKNOWN when
 * maxAnalysis passes) is the verdict; the detector then stops. A live human is
 * the safe answer: the rep takes over, nothing is played.
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
  beepConfirmMs: 100,
  maxAnalysisMs: 60_000,
};

const WINDOW_S = 0.03;
const HOP = 80; // samples at 8 kHz: 10 ms
const HOP_MS = (HOP / ANALYSIS_RATE) * 1000;
const FLOOR_WINDOW_FRAMES = 300; // 3 s
const FLOOR_SMOOTH_FRAMES = 5;
/** The floor is the lowest smoothed level: a steady noise's mean power sits about this far above it. */
const NOISE_MEAN_OVER_FLOOR = 1.4;
/** Quieter than this is always quiet (a silent line still has a floor). */
const NEVER_LOUD_DB = -62;
const LOUD_ABOVE_FLOOR_DB = 8;
/** Share of the band's energy, noise share taken out, that the tone's peaks must hold. */
const TONE_SHARE = 0.8;
/** A peak must stand this far above what the noise floor puts into one lobe. */
const PEAK_OVER_NOISE = 20;
/** A second peak within this ratio of the first is part of the tone (a two-tone beep), not a leftover. */
const SECOND_TONE_RATIO = 0.1;
const BEEP_LOW_HZ = 380;
const BEEP_HIGH_HZ = 2150;
/** Ringback, busy, dial and call-waiting tones of every country lie wholly in this band. */
const PROGRESS_LOW_HZ = 340;
const PROGRESS_HIGH_HZ = 640;
const STEADY_LEVEL_DB = 4;
/** Damaged frames (a lost packet) a run bridges, and the share of a run they may take. */
const MAX_HOLE_FRAMES = 6;
const MAX_HOLE_SHARE = 0.3;
/** Fewer tone frames than this are no run at all. */
const MIN_RUN_FRAMES = 5;
/** Another tone ending closer than this before a run makes the run part of a sequence, not a beep. */
const SEQUENCE_GAP_S = 0.15;
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

type SpeechPhase = 'waiting' | 'utterance' | 'greeting';

function edgeTime(outside: ToneFrame | undefined, inside: ToneFrame, levelDb: number): number | null {
  if (!outside || outside.levelDb >= levelDb || inside.levelDb <= levelDb) return null;
  const t = (levelDb - outside.levelDb) / (inside.levelDb - outside.levelDb);
  return outside.centerS + t * (inside.centerS - outside.centerS);
}

const near = (hz: number, target: number, tolerance: number) => Math.abs(hz - target) <= target * tolerance;

function isDtmfPair(hz: number[]): boolean {
  return hz.length === 2 && DTMF_LOW.some((f) => near(hz[0], f, DTMF_TOLERANCE)) && DTMF_HIGH.some((f) => near(hz[1], f, DTMF_TOLERANCE));
}

function inProgressBand(hz: number[]): boolean {
  return hz.every((f) => f >= PROGRESS_LOW_HZ && f <= PROGRESS_HIGH_HZ);
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
  private framesSeen = 0;
  private decided: DetectorEvent | null = null;

  private phase: SpeechPhase = 'waiting';
  private voiceRunMs = 0;
  private voiceRunStartS = 0;
  private utteranceStartS = 0;
  private lastVoiceS = 0;
  private quietMs = 0;
  private loudRunMs = 0;
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

  /** The stream ended (hang-up, end of file): a beep already confirmed stands, otherwise unknown. */
  finish(): DetectorEvent[] {
    if (this.decided) return [];
    const events: DetectorEvent[] = [];
    this.decide({ kind: 'unknown', atS: this.nextFrame / ANALYSIS_RATE }, events);
    return events;
  }

  private onFrame(features: FrameFeatures, startSample: number, events: DetectorEvent[]): void {
    const floorPower = this.noiseFloor(features.bandPower);
    const floorDb = floorPower > 0 ? 10 * Math.log10(floorPower) + 3.0103 : -100;
    const nowS = (startSample + this.analyzer.windowLength) / ANALYSIS_RATE;
    const centerS = (startSample + this.analyzer.windowLength / 2) / ANALYSIS_RATE;
    const loud = features.levelDb >= Math.max(floorDb + LOUD_ABOVE_FLOOR_DB, NEVER_LOUD_DB);
    const { toneHz, powers, toneLike } = this.tones(features, floorPower * NOISE_MEAN_OVER_FLOOR, loud);
    const voice = loud && !toneLike;
    if (voice) this.soundMs += HOP_MS;

    const frame: ToneFrame = { centerS, hz: toneHz ?? [], powers, levelDb: features.levelDb, tone: toneHz !== null, quiet: !loud };
    this.followTones(frame, nowS, events);
    this.previousFrame = frame;
    if (this.decided) return;
    this.followSpeech(voice, loud, centerS, nowS, events);
    if (!this.decided && nowS * 1000 >= this.settings.maxAnalysisMs) this.decide({ kind: 'unknown', atS: nowS }, events);
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
    const toneLike = share >= TONE_SHARE || (second !== undefined && cleanShare(first.power + second.power, 2) >= TONE_SHARE);
    if (share < TONE_SHARE || first.power < noiseInLobe * PEAK_OVER_NOISE) return { toneHz: null, powers: [], toneLike };
    if (!secondCounts) return { toneHz: [first.hz], powers: [first.power], toneLike: true };
    const lowFirst = first.hz < second.hz;
    return {
      toneHz: lowFirst ? [first.hz, second.hz] : [second.hz, first.hz],
      powers: lowFirst ? [first.power, second.power] : [second.power, first.power],
      toneLike: true,
    };
  }

  /** The line's floor: the lowest 50 ms-smoothed band power of the last 3 s (a lost packet's few silent ms do not pull it down). */
  private noiseFloor(power: number): number {
    this.recentPowers[this.framesSeen % FLOOR_SMOOTH_FRAMES] = power;
    const k = Math.min(this.framesSeen + 1, FLOOR_SMOOTH_FRAMES);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += this.recentPowers[i];
    this.smoothedPowers[this.framesSeen % FLOOR_WINDOW_FRAMES] = sum / k;
    this.framesSeen++;
    let floor = Infinity;
    const n = Math.min(this.framesSeen, FLOOR_WINDOW_FRAMES);
    for (let i = 0; i < n; i++) if (this.smoothedPowers[i] < floor) floor = this.smoothedPowers[i];
    return floor;
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
        return;
      }
      this.closeRun(nowS, events);
      if (this.decided) return;
      // A new tone: whatever was waiting for its quiet is not a beep (a tone right after it: a melody, a sequence).
      this.candidate = null;
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
    if (!frame.quiet) {
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
    const startS = edgeTime(this.frameBefore(run, first), run[first], loudest - EDGE_DB) ?? run[first].centerS - HOP_MS / 2000;
    const endS = edgeTime(run[last + 1] ?? trailing[0], run[last], loudest - EDGE_DB) ?? run[last].centerS + HOP_MS / 2000;
    // A few tone frames (a tone's onset seen through noise, a chance peak) are no tone of their own.
    if (tonal.length < MIN_RUN_FRAMES) return;
    const previous = this.closedRuns.at(-1);
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
    if (inProgressBand(hz) && this.phase !== 'greeting') return;
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


  private isSit(): boolean {
    if (this.closedRuns.length < 3) return false;
    const runs = this.closedRuns.slice(-3);
    return runs.every((r, i) => {
      const duration = r.endS - r.startS;
      const gapOk = i === 0 || r.startS - runs[i - 1].endS <= SIT_MAX_GAP_S;
      return r.hz.length === 1 && SIT_SEGMENTS[i].some((f) => near(r.hz[0], f, SIT_TOLERANCE)) && duration >= SIT_MIN_S && duration <= SIT_MAX_S && gapOk;
    });
  }

  private followSpeech(voice: boolean, loud: boolean, centerS: number, nowS: number, events: DetectorEvent[]): void {
    const s = this.settings;
    if (voice) {
      if (this.voiceRunMs === 0) this.voiceRunStartS = centerS;
      this.voiceRunMs += HOP_MS;
      this.lastVoiceS = centerS;
      if (this.phase === 'waiting' && this.voiceRunMs >= s.minWordMs) {
        this.phase = 'utterance';
        this.utteranceStartS = this.voiceRunStartS;
        events.push({ kind: 'speech', atS: nowS });
      }
    } else {
      this.voiceRunMs = 0;
    }
    // A pause is broken only by sound lasting a word's length: a lone loud frame (a click, a surge of
    // line noise) neither ends it nor starts it again.
    this.loudRunMs = loud ? this.loudRunMs + HOP_MS : 0;
    this.quietMs = this.loudRunMs >= s.minWordMs ? 0 : this.quietMs + HOP_MS;
    if (this.phase === 'utterance') {
      if ((this.lastVoiceS - this.utteranceStartS) * 1000 > s.greetingMaxMs) {
        this.phase = 'greeting';
        events.push({ kind: 'machine-greeting', atS: nowS });
      } else if (this.quietMs >= s.afterGreetingSilenceMs) {
        this.decide({ kind: 'human', atS: nowS }, events);
      }
    } else if (this.phase === 'greeting' && this.quietMs >= s.silenceAfterGreetingMs) {
      this.decide({ kind: 'silence-after-greeting', atS: nowS }, events);
    }
  }

  private decide(event: DetectorEvent, events: DetectorEvent[]): void {
    this.decided = event;
    events.push(event);
  }
}
