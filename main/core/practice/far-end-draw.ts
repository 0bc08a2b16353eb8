/**
 * Who answers a practice call. Each far end is drawn with a seed, so a practice run can be replayed
 * (and a test knows what it will meet): the n-th call of a run with seed s always meets the same
 * far end. The kinds are what a rep's calls really meet, with the beeps of the detector's corpus.
 */
import { seededRandom, type Random } from '../schedule/seeded-random.js';
import { logUniform, pick, uniform, type NoiseColour } from '../../../shared/voicemail/signals.js';

export const FAR_END_KINDS = ['voicemail', 'person', 'busy', 'no-answer', 'not-in-service'] as const;
export type FarEndKind = (typeof FAR_END_KINDS)[number];

/** The beep kinds of the detector's corpus: one tone, two tones at once, and a beep on a hissing line. */
export const BEEP_KINDS = ['single', 'two-tone', 'noisy'] as const;
export type BeepKind = (typeof BEEP_KINDS)[number];

export interface FarEndBeep {
  kind: BeepKind;
  hz: number[];
  seconds: number;
  /** Peak amplitude (0…1). */
  amplitude: number;
  /** The hiss under the whole call (greeting and beep), for the noisy kind. */
  lineNoise: { colour: NoiseColour; rms: number } | null;
}

export interface FarEnd {
  kind: FarEndKind;
  /** How long the phone rings before the far end answers or refuses (no-answer rings until the ring timeout). */
  ringS: number;
  /** What the far end says when it picks up: the box's greeting, a person's hello, the intercept's message. */
  speech: string | null;
  /** The speaking voice (the OS engine's rate, in words per minute). */
  rateWpm: number;
  beep: FarEndBeep | null;
}

/** How often each kind comes up: a rep's day is mostly machines and unanswered phones. */
const WEIGHTS: Record<FarEndKind, number> = { voicemail: 0.4, person: 0.2, busy: 0.12, 'no-answer': 0.13, 'not-in-service': 0.15 };

const GREETINGS = [
  "Hi, you've reached Jordan. I can't take your call right now. Please leave a message after the tone.",
  'You have reached the voicemail of Sam at Northwind Supply. Leave your name and number and I will call you back.',
  'Hello, this is Priya. Sorry I missed you. Please leave a message.',
  'The person you are calling is not available. Please record your message after the tone.',
];
const HELLOS = ['Hello? … hello?', 'Hello? Who is this? … Hello?', 'Yes, hello? … hello?'];
/** Pairs heard in the field (the corpus's field pairs): none is a DTMF digit or in the call-progress band. */
const TWO_TONE_PAIRS: ReadonlyArray<readonly [number, number]> = [[440, 950], [425, 850], [850, 1400], [950, 1400], [1000, 2000]];
const SINGLE_HZ = [850, 1000, 1400, 440, 2000];

/**
 * The `index`-th far end of a practice run drawn with `seed` (index from 0). The first call of a run
 * always reaches a voicemail box (its beep still drawn): a new rep's first minute ends with a
 * voicemail left, which is what practice is there to show.
 */
export function drawFarEnd(seed: number, index: number): FarEnd {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`A far end's index is a whole number from 0, not ${index}`);
  const r = seededRandom((seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1));
  const drawn = weighted(r);
  const kind: FarEndKind = index === 0 ? 'voicemail' : drawn;
  const rateWpm = Math.round(uniform(r, 150, 185));
  switch (kind) {
    case 'voicemail':
      return { kind, ringS: uniform(r, 1.5, 3.5), speech: pick(r, GREETINGS), rateWpm, beep: drawBeep(r, pick(r, BEEP_KINDS)) };
    case 'person':
      return { kind, ringS: uniform(r, 1.5, 4), speech: pick(r, HELLOS), rateWpm, beep: null };
    case 'busy':
      return { kind, ringS: uniform(r, 0.5, 1.5), speech: null, rateWpm, beep: null };
    case 'no-answer':
      return { kind, ringS: Number.POSITIVE_INFINITY, speech: null, rateWpm, beep: null };
    case 'not-in-service':
      // The network refuses it (404) before anything rings.
      return { kind, ringS: uniform(r, 0.3, 1), speech: null, rateWpm, beep: null };
  }
}

function weighted(r: Random): FarEndKind {
  let u = r();
  for (const kind of FAR_END_KINDS) {
    u -= WEIGHTS[kind];
    if (u < 0) return kind;
  }
  return FAR_END_KINDS[0];
}

/** A beep loud and long enough for a real box (0.25–0.9 s, -20 to -8 dBFS); the noisy kind hisses 15–25 dB below it. */
function drawBeep(r: Random, kind: BeepKind): FarEndBeep {
  const seconds = logUniform(r, 0.25, 0.9);
  const amplitude = 10 ** (uniform(r, -20, -8) / 20);
  const hz = kind === 'two-tone' || (kind === 'noisy' && r() < 0.5) ? [...pick(r, TWO_TONE_PAIRS)] : [pick(r, SINGLE_HZ)];
  const lineNoise = kind === 'noisy' ? { colour: pick(r, ['white', 'pink', 'brown'] as const), rms: (amplitude / Math.SQRT2) * 10 ** (-uniform(r, 15, 25) / 20) } : null;
  return { kind, hz, seconds, amplitude, lineNoise };
}
