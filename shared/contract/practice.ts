import { z } from 'zod';
import type { AppStatus } from './app.js';
import { call } from './define.js';

const empty = z.object({}).strict();

/** One call of the practice run: who the far end was, and what became of the call. */
export interface PracticeCallRecord {
  callId: string;
  leadId: string | null;
  /** The n-th call of the run (from 0): the draw's index. */
  index: number;
  farEnd: 'voicemail' | 'person' | 'busy' | 'no-answer' | 'not-in-service';
  /** A box's beep kind (the detector corpus's kinds), else null. */
  beep: 'single' | 'two-tone' | 'noisy' | null;
  /** Why the far end could not speak (no speech engine), else null. */
  note: string | null;
  startedAt: string;
  endedAt: string | null;
  /** The call's outcome once it ended (`answered` until settled). */
  outcome: string | null;
}

/** The practice line's run since practice was entered. */
export interface PracticeRun {
  seed: number;
  calls: PracticeCallRecord[];
  /** When the first voicemail was left on a practice call (ISO), else null. */
  firstVoicemailLeftAt: string | null;
  /** When practice was entered (ISO). */
  enteredAt: string;
}

/**
 * Practice: the app over a separate practice data folder and a practice line that places no
 * network call (its far ends are played by Dialdesk itself). The rep's real data is never touched.
 */
export const practiceCalls = {
  /** Switches to practice: the practice folder (sample leads) and the practice line. */
  enterPractice: call<AppStatus>()(empty),
  /** Back to the rep's real data folder and SIP line. */
  leavePractice: call<AppStatus>()(empty),
  /** The renderer's far-end peer answers the call's offer (event `practice.far-end.offer`). */
  practiceAnswer: call<null>()(z.object({ callId: z.string().min(1).max(100), sdp: z.string().min(1).max(100_000) }).strict()),
  /** The far-end peer could not play the call (no WebRTC, decoding failed): the call ends as media-lost. */
  practiceFarEndFailed: call<null>()(z.object({ callId: z.string().min(1).max(100), error: z.string().max(1000) }).strict()),
  /** Who the practice calls met (refused outside practice). */
  getPracticeRun: call<PracticeRun>()(empty),
};
