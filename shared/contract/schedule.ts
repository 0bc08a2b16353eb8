import { z } from 'zod';
import type { ScriptStage, VoicemailScript } from '../domain.js';
import type { Band, CoachWarning, DialCheck, LeadStatus, LeadZones } from '../schedule.js';
import { call } from './define.js';

/** When and how Dialdesk will try a lead next, for the lead screen. */
export interface LeadScheduleView {
  zones: LeadZones | null;
  status: LeadStatus;
  /** Whether a dial right now is allowed, and why not. */
  dialCheck: DialCheck;
  /** The planned next attempt, with the band and "tomorrow at 8:15" in the lead's time. */
  next: { at: string; phrase: string; band: string | null; promised: boolean } | null;
  /** The attempt promised on the last voicemail. */
  promise: { at: string; phrase: string; status: 'open' | 'kept' | 'broken' } | null;
  cadenceAttempts: number;
  maxAttempts: number;
  /**
   * The bands with how often this lead was tried in each and the planner's
   * estimate of the lead answering there today (0–1, the posterior mean of the
   * learned model), for the 24-hour strip. `chance` is null while the rep's
   * history is too small to learn from.
   */
  bands: Array<Band & { tries: number; chance: number | null }>;
}

export interface PreparedVoicemail {
  stage: ScriptStage;
  scriptId: string | null;
  scriptVersion: number | null;
  /** The script with this lead's values, ready to read or speak. */
  text: string;
  /** The attempt the script promises (ISO), to be recorded with the voicemail. */
  promisedFor: string | null;
  promisedPhrase: string;
  /** Missing lead fields without a fallback, and similar things to know before the call. */
  warnings: string[];
}

/** A promised attempt that falls in no dial block: the rep is reminded to make it anyway. */
export interface PromiseReminderView {
  leadId: string;
  name: string;
  phone: string;
  /** The promised minute, ISO with the lead's offset. */
  at: string;
  /** "8:15" in the lead's time, "in 12 minutes" or "5 minutes ago" relative to now. */
  phrase: string;
}

export interface ScriptCheck {
  /** Errors block saving (unknown variables, broken braces). */
  errors: string[];
  /** The coach's advice, shown inline while editing. */
  warnings: CoachWarning[];
}

export interface ScriptListItem extends VoicemailScript {
  warnings: CoachWarning[];
}

const stage = z.enum(['first', 'follow-up', 'opt-out']);
const leadId = z.string().min(1).max(64);

export const scheduleCalls = {
  checkDial: call<DialCheck>()(z.object({ leadId }).strict()),
  prepareVoicemail: call<PreparedVoicemail>()(z.object({ leadId }).strict()),
  /**
   * Promises due from a few minutes ago up to `withinMinutes` ahead that no dial block covers;
   * none while a block runs or a call is up, so the rep's focus is never broken by Dialdesk itself.
   */
  listReminders: call<PromiseReminderView[]>()(z.object({ withinMinutes: z.number().int().min(0).max(1440).default(60) }).strict()),
  listScripts: call<ScriptListItem[]>()(z.object({}).strict()),
  checkScript: call<ScriptCheck>()(z.object({ template: z.string().max(5000), stage }).strict()),
  saveScript: call<ScriptListItem>()(
    z
      .object({
        id: z.string().min(1).max(64).optional(),
        stage,
        name: z.string().trim().min(1).max(100),
        template: z.string().trim().min(1).max(5000),
        active: z.boolean(),
      })
      .strict(),
  ),
};
