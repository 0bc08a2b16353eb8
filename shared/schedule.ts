/**
 * Types for attempt scheduling: time-of-day bands, calling windows, per-lead
 * rotation state, promises and voicemail scripts. Plain data only (crosses IPC
 * and is persisted as JSON); instants are epoch milliseconds inside the core
 * and ISO strings only where they reach the domain (`Attempt.promisedFor`).
 */
import { z } from 'zod';
import type { ClockTime, LeadId, ScriptStage } from './basics.js';

/** A time-of-day band in the lead's local time, `[start, end)`. */
export interface Band {
  id: string;
  /** "HH:MM", 24-hour, lead-local. */
  start: ClockTime;
  end: ClockTime;
}

/** A daily window of local time, `[start, end)`, "HH:MM" 24-hour. */
export interface LocalWindow {
  start: ClockTime;
  end: ClockTime;
}

export type MinimumGap =
  /** The next attempt goes on a later local day of the lead than the last one (the window then skips days off). */
  | { kind: 'next-business-day' }
  | { kind: 'minutes'; minutes: number };

/** A recurring dial block the rep plans, in the rep's zone. */
export interface DialBlockTemplate {
  /** 0 = Sunday … 6 = Saturday. */
  days: number[];
  start: ClockTime;
  end: ClockTime;
}

/** One concrete dial block (instants, epoch ms, `[startsAt, endsAt)`). */
export interface DialBlock {
  id: string;
  startsAt: number;
  endsAt: number;
}

export interface ScheduleSettings {
  bands: Band[];
  /** The legal window in the lead's local time (US: 8:00–21:00). Never widened by the other windows. */
  legalWindow: LocalWindow;
  /** Stricter windows per ISO 3166 country of the lead's number; intersected with the legal window. */
  countryWindows: Record<string, LocalWindow>;
  /** Stricter windows for single leads (lead id → window); intersected with the legal window. */
  leadWindows: Record<LeadId, LocalWindow>;
  minimumGap: MinimumGap;
  /** Attempts per cadence (default 8). */
  maxAttempts: number;
  /** Cadence length in days from its first attempt (default 21). */
  cadenceDays: number;
  /** After this many unanswered voicemails the next voicemail is the opt-out script (default 3). */
  voicemailsBeforeOptOut: number;
  /** How many days ahead the rotation looks for a band it has not tried before settling for a tried one. */
  rotationLookaheadDays: number;
  /** Planned dial blocks; plans prefer times inside them. */
  dialBlocks: DialBlockTemplate[];
  /** Promises are set this many minutes into the chosen slot, then rounded up to `promiseRoundingMinutes`. */
  promiseLeadInMinutes: number;
  promiseRoundingMinutes: number;
  /** A promise is kept by an attempt that starts within this many minutes after it (or 2 minutes before). */
  promiseToleranceMinutes: number;
}

/**
 * The default bands cover the whole legal window (8:00–21:00): an hour no band
 * covers is never planned, and evening leads often answer best at 20:00. The
 * last band is three hours; the planner learns which of a band's hours answers.
 */
export const DEFAULT_BANDS: Band[] = [
  { id: '08-10', start: '08:00', end: '10:00' },
  { id: '10-12', start: '10:00', end: '12:00' },
  { id: '12-14', start: '12:00', end: '14:00' },
  { id: '14-16', start: '14:00', end: '16:00' },
  { id: '16-18', start: '16:00', end: '18:00' },
  { id: '18-21', start: '18:00', end: '21:00' },
];

/**
 * The widest calling window the law allows, in the lead's local time (US TCPA: 8 a.m. to 9 p.m.).
 * Settings may only narrow it: the schema refuses a wider `legalWindow`, and the gate intersects
 * this constant in whatever a settings file says.
 */
export const LEGAL_WINDOW: LocalWindow = { start: '08:00', end: '21:00' };

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  bands: DEFAULT_BANDS,
  legalWindow: LEGAL_WINDOW,
  countryWindows: {},
  leadWindows: {},
  minimumGap: { kind: 'next-business-day' },
  maxAttempts: 8,
  cadenceDays: 21,
  voicemailsBeforeOptOut: 3,
  rotationLookaheadDays: 7,
  dialBlocks: [],
  promiseLeadInMinutes: 15,
  promiseRoundingMinutes: 5,
  promiseToleranceMinutes: 15,
};

/** Why a country's or a lead's window may not be used, or null: it must lie inside the legal window, never wider. */
export function outsideLegalWindow(window: LocalWindow, legal: LocalWindow): string | null {
  if (window.start < legal.start || window.end > legal.end) return `must lie inside the legal window ${legal.start}–${legal.end} (stricter only)`;
  return null;
}

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (24-hour)');
const localWindowSchema = z
  .object({ start: clock, end: clock })
  .strict()
  .refine((w) => w.start < w.end, 'a window must end after it starts');

/** Validates schedule settings coming from the UI or a settings file. */
export const scheduleSettingsSchema = z
  .object({
    bands: z
      .array(
        z
          .object({ id: z.string().min(1).max(40), start: clock, end: clock })
          .strict()
          .refine((b) => b.start < b.end, 'a band must end after it starts'),
      )
      .min(1)
      .max(24)
      .superRefine((bands, ctx) => {
        const sorted = [...bands].sort((a, b) => (a.start < b.start ? -1 : 1));
        for (let i = 1; i < sorted.length; i++) {
          if (sorted[i].start < sorted[i - 1].end) {
            ctx.addIssue({ code: 'custom', message: `bands ${sorted[i - 1].id} and ${sorted[i].id} overlap` });
          }
        }
        const ids = new Set<string>();
        for (const band of bands) {
          if (ids.has(band.id)) ctx.addIssue({ code: 'custom', message: `two bands share the id ${band.id}` });
          ids.add(band.id);
        }
      }),
    legalWindow: localWindowSchema.refine(
      (w) => w.start >= LEGAL_WINDOW.start && w.end <= LEGAL_WINDOW.end,
      `the legal window can only be made stricter than ${LEGAL_WINDOW.start}–${LEGAL_WINDOW.end}, never wider`,
    ),
    countryWindows: z.record(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, "a country (US) or a state or province (US-FL)"), localWindowSchema),
    leadWindows: z.record(z.string().min(1).max(64), localWindowSchema),
    minimumGap: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('next-business-day') }).strict(),
      z.object({ kind: z.literal('minutes'), minutes: z.number().int().min(1).max(60 * 24 * 30) }).strict(),
    ]),
    maxAttempts: z.number().int().min(1).max(100),
    cadenceDays: z.number().int().min(1).max(365),
    voicemailsBeforeOptOut: z.number().int().min(1).max(20),
    rotationLookaheadDays: z.number().int().min(1).max(30),
    dialBlocks: z.array(
      z
        .object({ days: z.array(z.number().int().min(0).max(6)).min(1, 'a dial block needs at least one day').max(7), start: clock, end: clock })
        .strict()
        .refine((b) => b.start < b.end, 'a dial block must end after it starts'),
    ),
    promiseLeadInMinutes: z.number().int().min(0).max(120),
    promiseRoundingMinutes: z.number().int().min(1).max(60),
    promiseToleranceMinutes: z.number().int().min(1).max(240),
  })
  .strict()
  // A band no legal minute touches could never be dialled: a setting mistake, not a plan.
  .refine((s) => s.bands.every((b) => b.end > s.legalWindow.start && b.start < s.legalWindow.end), {
    message: 'every band must overlap the legal calling window',
    path: ['bands'],
  })
  // The gate would intersect a wider window anyway; refusing it says so where it was typed.
  .superRefine((s, ctx) => {
    for (const field of ['countryWindows', 'leadWindows'] as const) {
      for (const [key, window] of Object.entries(s[field])) {
        const problem = outsideLegalWindow(window, s.legalWindow);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [field, key] });
      }
    }
  });

/** Where a lead's zones came from. */
export type LeadZoneSource = 'import' | 'phone' | 'default';

export interface LeadZones {
  /** Candidate IANA zones; the first is the reference zone for bands and spoken times. */
  zones: string[];
  /** Several candidate zones: the calling window is the intersection of theirs. */
  ambiguous: boolean;
  source: LeadZoneSource;
  /** ISO 3166 country of the number when it parsed, for per-country windows. */
  country: string | null;
  /**
   * Where the lead may be, as ISO 3166 codes ("US-FL", "CA-ON", "FR"): its number's area and its address, every
   * candidate kept. The law of each applies; [] when nothing places it (it is then never called). Absent only in
   * leads stored before it existed; the store fills it when it opens them.
   */
  places?: string[];
}

export interface LeadPromise {
  /** The promised attempt time (epoch ms). */
  at: number;
  /** The attempt (voicemail) on which it was promised. */
  attemptId: string;
}

export type LeadStatus =
  /** Still being worked. */
  | 'active'
  /** A conversation happened; rotation stops until the rep restarts the cadence. */
  | 'reached'
  /** The number does not reach the lead. */
  | 'bad-number'
  /** The opt-out voicemail was left: no more attempts until the lead calls back or the rep works it again. */
  | 'closed'
  | 'do-not-call';

/**
 * Everything the planner needs about one lead, folded from its attempts in
 * start order so that planning never reads raw history.
 */
export interface LeadRotationState {
  leadId: LeadId;
  status: LeadStatus;
  /** Epoch ms of the opt-out / do-not-call outcome, when status is do-not-call. */
  doNotCallSince: number | null;
  /** Counted attempts per band index of `ScheduleSettings.bands` (attempts outside all bands are not counted here). */
  bandTries: number[];
  /**
   * Conversations per band index, counted like `bandTries` (so a band's unanswered tries are the
   * difference). Absent until the lead's first conversation.
   */
  bandAnswers?: number[];
  /** Counted attempts (all but `failed`) ever. */
  attempts: number;
  /** Counted attempts in the current cadence. */
  cadenceAttempts: number;
  /** First attempt of the current cadence (epoch ms), null before the first attempt. */
  cadenceStartedAt: number | null;
  lastAttemptAt: number | null;
  /** Voicemails left since the last conversation. */
  unansweredVoicemails: number;
  promise: LeadPromise | null;
  promisesKept: number;
  promisesBroken: number;
  /** "Work again in N days": no attempt is planned before this instant (epoch ms). */
  notBefore?: number | null;
  /**
   * Start instants (epoch ms) of the lead's most recent calls, newest last, as many as the largest legal cap counts
   * (compliance/jurisdiction-rules.ts MAX_CAP_CALLS), failed ones included: the law counts calls made, not
   * conversations. Absent before the first call.
   */
  recentAttemptsAt?: number[];
}

/** Dials and conversations per band index, over the rep's whole history. */
export interface BandStats {
  dials: number[];
  conversations: number[];
  /**
   * Per band and the lead's local weekday, index `band * 7 + weekday` (0 = Sunday).
   * Absent in checkpoints written before the planner learned; the model then starts from the band level.
   */
  weekdayDials?: number[];
  weekdayConversations?: number[];
  /** Per segment (the lead's reference zone): dials and conversations per band. */
  segments?: Record<string, { dials: number[]; conversations: number[] }>;
  /**
   * Per whole hour of the lead's local day and its local weekday, index `hour * 7 + weekday` (168), attempts in a
   * band: where in a band people answer (by weekday too, so a weekday's effect is not taken for the hour's).
   * Absent in checkpoints written before the planner learned hours; those start from the band level.
   */
  hourDials?: number[];
  hourConversations?: number[];
}

export interface PlannedAttempt {
  leadId: LeadId;
  /** Epoch ms. */
  at: number;
  /** Band id the attempt falls in (lead-local), or null when it falls in none (a promise outside the bands). */
  band: string | null;
  promised: boolean;
  /** Inside one of the rep's dial blocks. */
  inBlock: boolean;
  /** Why a promise could not be kept where it was stated (the plan then moves it), else null. */
  promiseConflict: string | null;
  /** The learning planner's estimate of the lead answering then (posterior mean); absent from the least-tried rule. */
  chance?: number;
}

/**
 * `realLife`: on the practice line only, what the gate would say on a real line (the hours still show:
 * "Outside Florida's hours in real life"); the practice call goes ahead because it never leaves the machine.
 */
export type DialCheck = { allowed: true; realLife?: string } | { allowed: false; reason: string };

export interface PromiseTally {
  kept: number;
  broken: number;
  /** Promises whose time (plus tolerance) has not passed yet. */
  open: number;
}

/** Variables a voicemail template may use. */
export const SCRIPT_VARIABLES = [
  'first_name',
  'last_name',
  'company',
  'referrer',
  'reason',
  'rep_name',
  'rep_company',
  'callback_number',
  'next_attempt',
  'deadline',
] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];
export type ScriptValues = Partial<Record<ScriptVariable, string>>;

export type CoachSeverity = 'warning' | 'info';

export interface CoachWarning {
  code:
    | 'unknown-variable'
    | 'syntax'
    | 'too-long'
    | 'no-ask'
    | 'several-asks'
    | 'pitch-word'
    | 'no-caller-name'
    | 'no-callback-number'
    | 'no-next-attempt'
    | 'follow-up-opening'
    | 'no-opt-out';
  severity: CoachSeverity;
  message: string;
}

export interface CoachOptions {
  /** Words that pitch the product instead of selling the return call. */
  pitchWords: string[];
  /** Text-to-speech rate, words per minute. */
  wordsPerMinute: number;
  maxSeconds: number;
}

export type { ScriptStage };
