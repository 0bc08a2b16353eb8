import type { Lead, Settings } from '../../../shared/domain.js';
import type { ScriptValues } from '../../../shared/schedule.js';
import { phraseAttemptTime, phraseDay } from '../timezones/phrase-time.js';
import { digitsOf } from '../../../shared/digits.js';

export interface ScriptValueInput {
  lead: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'referrer' | 'reason'>;
  settings: Pick<Settings, 'repName' | 'repCompany' | 'callbackNumber'>;
  /** The lead's reference zone (spoken times are the lead's local time). */
  leadZone: string;
  /** The promised next attempt (epoch ms), or null when none is promised. */
  nextAttempt: number | null;
  /** A date to answer by (opt-out script), or null. */
  deadline: number | null;
  now: number;
}

/** The values a voicemail template is filled with; blanks stay blank so the template's fallbacks apply. */
export function buildScriptValues(input: ScriptValueInput): ScriptValues {
  const { lead, settings } = input;
  return {
    first_name: lead.firstName,
    last_name: lead.lastName,
    company: lead.company,
    referrer: lead.referrer,
    reason: lead.reason,
    rep_name: settings.repName,
    rep_company: settings.repCompany,
    callback_number: speakablePhone(settings.callbackNumber),
    next_attempt: input.nextAttempt === null ? '' : phraseAttemptTime(input.nextAttempt, input.leadZone, input.now),
    deadline: input.deadline === null ? '' : phraseDay(input.deadline, input.leadZone, input.now),
  };
}

/** "+15551234567" → "555-123-4567" for North American numbers, so text-to-speech reads digits in groups. */
export function speakablePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = digitsOf(trimmed);
  const northAmerican = trimmed.startsWith('+1') || !trimmed.startsWith('+');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (northAmerican && national.length === 10) return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
  return trimmed;
}
