/**
 * Domain types shared by main and renderer. Plain data only: everything here
 * crosses the IPC boundary as structured-clone / JSON, so timestamps are ISO
 * 8601 strings in UTC and there are no classes.
 */

import type { GlobalKeys } from './desk-keys.js';
import type { ClockTime, IsoTime, LeadId, ScriptStage } from './basics.js';
import type { LeadZones, ScheduleSettings } from './schedule.js';

export type { ClockTime, IsoTime, LeadId, ScriptStage } from './basics.js';

import type { Outcome } from './outcomes.js';

export { ANSWERED_OUTCOMES, MANUAL_OUTCOMES, OUTCOME_LABELS, OUTCOMES, type AnsweredOutcome, type Outcome } from './outcomes.js';

/** What a call's signalling decides: the settled outcomes, or `answered` (settled later by the rep). */
export type CallOutcome = Outcome | 'answered';

export interface Lead {
  id: LeadId;
  firstName: string;
  lastName: string;
  /** The name as the CRM wrote it when it came in one column ("Dr. Anna van der Berg"); absent otherwise. */
  fullName?: string;
  company: string;
  email: string;
  /** The number to dial, E.164 (`+15551234567`). */
  phone: string;
  /** Extension to dial after connecting (DTMF), digits only. */
  extension: string;
  /** Further valid numbers from the CRM export (E.164), kept but not dialled. */
  otherPhones: string[];
  /** IANA zone from the imported column when it named one; otherwise null and inferred from the phone. */
  timeZone: string | null;
  /** The imported time-zone text as the CRM wrote it ("Eastern Time (US & Canada)"). */
  timeZoneInput: string;
  /**
   * The zones the calling window and rotation use, resolved once when the lead
   * is imported (from the column, else the phone number) and kept, so opening
   * the store never looks up 100,000 numbers.
   */
  zones: LeadZones | null;
  /**
   * The State/Province and Country cells of the CRM's address, as written. Where the lead is counts for the
   * law (LeadZones.places); absent for leads imported without those columns.
   */
  address?: { state: string; country: string };
  referrer: string;
  /** The one reason to call back, used by voicemail scripts. */
  reason: string;
  notes: string;
  doNotCall: boolean;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

/** Running totals per lead, derived from its attempts (kept so the list never scans history). */
export interface LeadSummary {
  attempts: number;
  conversations: number;
  voicemails: number;
  lastAttemptAt: IsoTime | null;
  lastOutcome: Outcome | null;
}

export interface Attempt {
  id: string;
  leadId: LeadId;
  outcome: Outcome;
  /** When the dial started (or, for a manual entry, when the rep says it happened). */
  startedAt: IsoTime;
  /** When the outcome was recorded. */
  recordedAt: IsoTime;
  endedAt: IsoTime | null;
  source: 'manual' | 'call';
  note: string;
  /** SIP final status when the attempt was a real call. */
  sipStatus: number | null;
  /** Voicemail script used, for return rates per script. */
  scriptId: string | null;
  scriptVersion: number | null;
  /** The next attempt promised on this call (voicemail), or the time the lead asked to be called back. */
  promisedFor: IsoTime | null;
  /** The SIP call this attempt is (absent on manual entries and on history from before calls were linked). */
  callId?: string;
  /** The permission question's answer in a conversation; `no` ends the cadence and opts the lead out. */
  permission?: 'yes' | 'no';
  /** "Work again in N days": the reached lead's cadence restarts, first attempt not before this time. */
  workAgainAt?: IsoTime;
  /**
   * Another rep of the team made this attempt (their name): its history came with a claim. It counts for the
   * lead (rotation, cadence, the law's caps), never in this rep's own figures, and is never sent back.
   */
  by?: string;
}

export type InboundResponse = 'rang' | 'accepted' | 'declined' | 'missed' | 'busy-486' | 'unavailable-480' | 'diverted-302';

export interface InboundCall {
  id: string;
  /** Caller number as E.164 when it parsed, else as received. */
  from: string;
  displayName: string;
  receivedAt: IsoTime;
  leadId: LeadId | null;
  response: InboundResponse;
  /** Why the core answered as it did ("dial block active", "already on a call"). */
  reason: string;
  /** The voicemail the caller is probably answering (the lead's last one still unreturned), when known. */
  answering?: Answering | null;
}

/** What an inbound caller is probably answering: the last voicemail left for the lead. */
export interface Answering {
  voicemailAttemptId: string;
  leftAt: IsoTime;
  scriptId: string | null;
  scriptVersion: number | null;
  promisedFor: IsoTime | null;
}

export interface VoicemailScript {
  id: string;
  version: number;
  stage: ScriptStage;
  name: string;
  template: string;
  active: boolean;
}

export interface WorkingHours {
  start: ClockTime;
  end: ClockTime;
  /** Days the rep works, 0 = Sunday … 6 = Saturday. */
  days: number[];
}

export interface Settings {
  /** ISO 3166-1 alpha-2 country for numbers written without +country code. */
  defaultCountry: string;
  repName: string;
  repCompany: string;
  callbackNumber: string;
  /** The rep's own IANA zone; working hours are in it. */
  repTimeZone: string;
  workingHours: WorkingHours;
  /** Dates (YYYY-MM-DD, rep's zone) the rep does not call. */
  daysOff: string[];
  /** Bands, windows, cadence, dial blocks and promise rules for rotating attempt times. */
  schedule: ScheduleSettings;
  /** Operating-system notifications when a returns slot starts or a promised call falls due outside a block. */
  notifications: NotificationSettings;
  /** Global keys for the desk actions (Electron only): off by default. */
  globalKeys: GlobalKeys;
  /** The first-run questions: not yet answered, answered, or skipped by the rep (then not asked again). */
  onboarding: OnboardingState;
}

export type OnboardingState = 'pending' | 'done' | 'skipped';

export interface NotificationSettings {
  enabled: boolean;
}
