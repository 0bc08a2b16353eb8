/**
 * Answering-machine and beep detection over the far end's audio, frame by
 * frame (30 ms Hann windows every 10 ms at 8 kHz). Pure code with no runtime of
 * its own: the renderer feeds it from an AudioWorklet during a call, the CLI
 * from a WAV file, the tests and the bench from the corpus.
 *
 * Each frame is loud or quiet (against a noise floor: the quietest level of
 * the last 2 s), and a loud frame is a pure tone (one spectral peak holds
 * ≥ 80% of the band's energy, 380–2,150 Hz), tone-like (two peaks do: DTMF,
 * ringback) or voice. Two independent readings run over the frames:
 *
 *   speech:  waiting ──voice ≥ minWord──▶ utterance ──span > greetingMax──▶ greeting
 *                                             │                              │
 *                               quiet ≥ afterGreetingSilence        quiet ≥ silenceAfterGreeting
 *                                             ▼                              ▼
 *                                          HUMAN                  SILENCE-AFTER-GREETING
 *
 *   beep:    pure-tone frames at one steady frequency form a run; the run's
 *            core (frames within 4 dB of its loudest, only the window-length
 *            edges may be softer) must last minBeep…maxBeep; then quiet for
 *            beepConfirm ─▶ BEEP. Anything loud before that cancels it, so a
 *            tone inside music, a beating ringback or a decaying note is not one.
 *
 * The first of HUMAN, BEEP, SILENCE-AFTER-GREETING (or UNKNOWN when
 * maxAnalysis passes) is the verdict; the detector then stops. A live human is
 * the safe answer: the rep takes over, nothing is played.
 */
import { FrameAnalyzer, type FrameFeatures } from './frame-analysis.js';
import { ANALYSIS_RATE, Resampler } from './resample.js';

export type DetectorVerdict = 'beep' | 'human' | 'silence-after-greeting' | 'unknown';

export interface BeepFound {
  /** Where the steady tone starts and ends in the stream, seconds. */
  beepStartS: number;
  beepEndS: number;
  beepHz: number;
}

export type DetectorEvent =
  | { kind: 'speech'; atS: number }
  | { kind: 'machine-greeting'; atS: number }
  | { kind: 'human'; atS: number }
  | ({ kind: 'beep'; atS: number } & BeepFound)
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
  maxBeepMs: 3000,
  beepConfirmMs: 100,
  maxAnalysisMs: 60_000,
};

const WINDOW_S = 0.03;
const HOP = 80; // samples at 8 kHz: 10 ms
const HOP_MS = (HOP / ANALYSIS_RATE) * 1000;
const FLOOR_WINDOW_FRAMES = 200; // 2 s
/** Louder than this is never quiet, whatever the floor (a line is not this noisy). */
const ALWAYS_LOUD_DB = -35;
/** Quieter than this is always quiet. */
const NEVER_LOUD_DB = -55;
const LOUD_ABOVE_FLOOR_DB = 10;
const PURE_TONE_SHARE = 0.8;
const TONE_LIKE_SHARE = 0.8;
const BEEP_LOW_HZ = 380;
const BEEP_HIGH_HZ = 2150;
const STEADY_LEVEL_DB = 4;
/**
 * A window centred on the tone's edge holds half its energy (-3 dB) and the
 * few ms of fade every real beep has take a few dB more: the edge is placed
 * where the level crosses 6 dB below the steady part, between two frames.
 */
const EDGE_DB = 6;

function edgeTime(outside: ToneFrame | undefined, inside: ToneFrame, levelDb: number): number | null {
  if (!outside || outside.levelDb >= levelDb || inside.levelDb <= levelDb) return null;
  const t = (levelDb - outside.levelDb) / (inside.levelDb - outside.levelDb);
  return outside.centerS + t * (inside.centerS - outside.centerS);
}

interface ToneFrame {
  centerS: number;
  hz: number;
  levelDb: number;
}

type SpeechPhase = 'waiting' | 'utterance' | 'greeting';

export class BeepDetector {
  readonly settings: DetectorSettings;
  private readonly resampler: Resampler;
  private readonly analyzer = new FrameAnalyzer(ANALYSIS_RATE, WINDOW_S);
  private readonly edgeFrames: number;
  private buffer = new Float32Array(0);
  /** Index (in 8 kHz samples since the start) of buffer[0]. */
  private bufferStart = 0;
  private nextFrame = 0;
  private readonly recentLevels = new Float64Array(FLOOR_WINDOW_FRAMES);
  private framesSeen = 0;
  private decided: DetectorEvent | null = null;

  private phase: SpeechPhase = 'waiting';
  private voiceRunMs = 0;
  private voiceRunStartS = 0;
  private utteranceStartS = 0;
  private lastVoiceS = 0;
  private quietMs = 0;
  private loudRunMs = 0;

  private run: ToneFrame[] = [];
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
    const floorDb = this.noiseFloor(features.levelDb);
    const nowS = (startSample + this.analyzer.windowLength) / ANALYSIS_RATE;
    const centerS = (startSample + this.analyzer.windowLength / 2) / ANALYSIS_RATE;
    const loud = features.levelDb >= Math.min(ALWAYS_LOUD_DB, Math.max(floorDb + LOUD_ABOVE_FLOOR_DB, NEVER_LOUD_DB));
    const pureTone =
      loud && features.peakShare >= PURE_TONE_SHARE && features.peakHz >= BEEP_LOW_HZ && features.peakHz <= BEEP_HIGH_HZ;
    const toneLike = loud && (pureTone || features.twoPeakShare >= TONE_LIKE_SHARE);
    const voice = loud && !toneLike;

    this.followBeep({ centerS, hz: features.peakHz, levelDb: features.levelDb }, pureTone, loud, nowS, events);
    if (this.decided) return;
    this.followSpeech(voice, loud, centerS, nowS, events);
    if (!this.decided && nowS * 1000 >= this.settings.maxAnalysisMs) this.decide({ kind: 'unknown', atS: nowS }, events);
  }

  /** The quietest level of the last 2 s (fast down, and up once the quiet part leaves the window). */
  private noiseFloor(levelDb: number): number {
    this.recentLevels[this.framesSeen % FLOOR_WINDOW_FRAMES] = levelDb;
    this.framesSeen++;
    let floor = Infinity;
    const n = Math.min(this.framesSeen, FLOOR_WINDOW_FRAMES);
    for (let i = 0; i < n; i++) if (this.recentLevels[i] < floor) floor = this.recentLevels[i];
    return floor;
  }

  private followBeep(frame: ToneFrame, pureTone: boolean, loud: boolean, nowS: number, events: DetectorEvent[]): void {
    if (pureTone) {
      if (this.run.length > 0 && this.sameTone(frame.hz)) {
        this.run.push(frame);
      } else {
        this.closeRun();
        this.candidate = null;
        this.run = [frame];
      }
      return;
    }
    if (this.run.length > 0) this.closeRun();
    const candidate = this.candidate;
    if (!candidate) return;
    candidate.framesAfter++;
    if (loud) {
      // The window still overlapping the tone's fading edge is neither quiet nor a reason to doubt it.
      const fadingEdge = candidate.framesAfter <= this.edgeFrames && frame.levelDb <= candidate.levelDb - EDGE_DB;
      if (!fadingEdge) this.candidate = null;
      return;
    }
    candidate.quietMs += HOP_MS;
    if (candidate.quietMs >= this.settings.beepConfirmMs) {
      const { beepStartS, beepEndS, beepHz } = candidate;
      this.decide({ kind: 'beep', atS: nowS, beepStartS, beepEndS, beepHz }, events);
    }
  }

  private sameTone(hz: number): boolean {
    let sum = 0;
    for (const f of this.run) sum += f.hz;
    const mean = sum / this.run.length;
    return Math.abs(hz - mean) <= Math.max(15, mean * 0.02);
  }

  /** A finished run of pure-tone frames becomes the beep candidate when its core is steady and long enough. */
  private closeRun(): void {
    const run = this.run;
    this.run = [];
    this.candidate = null;
    if (run.length === 0) return;
    const loudest = Math.max(...run.map((f) => f.levelDb));
    let first = 0;
    let last = run.length - 1;
    while (first <= last && run[first].levelDb < loudest - STEADY_LEVEL_DB) first++;
    while (last >= first && run[last].levelDb < loudest - STEADY_LEVEL_DB) last--;
    if (first > this.edgeFrames || run.length - 1 - last > this.edgeFrames) return;
    for (let i = first; i <= last; i++) if (run[i].levelDb < loudest - STEADY_LEVEL_DB) return;
    const beepStartS = edgeTime(run[first - 1], run[first], loudest - EDGE_DB) ?? run[first].centerS - HOP_MS / 2000;
    const beepEndS = edgeTime(run[last + 1], run[last], loudest - EDGE_DB) ?? run[last].centerS + HOP_MS / 2000;
    const durationMs = (beepEndS - beepStartS) * 1000;
    if (durationMs < this.settings.minBeepMs || durationMs > this.settings.maxBeepMs) return;
    let hz = 0;
    for (let i = first; i <= last; i++) hz += run[i].hz;
    hz /= last - first + 1;
    this.candidate = { beepStartS, beepEndS, beepHz: hz, levelDb: loudest, quietMs: 0, framesAfter: 0 };
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
