import type { Lead } from '../../../shared/domain.js';
import type { FocusLead } from '../../../shared/dial-block.js';
import { leadName } from '../../../shared/lead-name.js';
import type { ScheduleService } from '../schedule/schedule-service.js';
import type { LeadStore } from '../store/lead-store.js';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { phraseClock } from '../timezones/phrase-time.js';
import { localMinuteOfDay } from '../timezones/zone-clock.js';

/** The first sentence of a script: what the rep says when a person answers. */
function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/s.exec(text.trim());
  return (match ? match[0] : text).trim();
}

/**
 * Everything the focus view shows about one lead. The opener says why this call: a promise kept
 * ("Calling as promised — I said I'd try you at 8:15"), a return ("Thanks for calling me back"),
 * else the script's own first line.
 */
export function focusLead(deps: { store: LeadStore; schedule: ScheduleService; now: number; waitingReturn: boolean }, lead: Lead, refused: string | null, realLife: string | null = null): FocusLead {
  const { store, schedule, now } = deps;
  const view = schedule.leadView(lead);
  const voicemail = schedule.prepareVoicemail(lead);
  const zone = lead.zones?.zones[0] ?? null;
  const promise = view.promise;
  const promiseDue = promise !== null && promise.status === 'open' && Date.parse(promise.at) <= now + 5 * 60_000 && zone !== null;
  const attempts = store.attemptsFor(lead.id);
  const opener = deps.waitingReturn
    ? { opener: 'Thanks for calling me back', openerKind: 'return' as const }
    : promiseDue
      ? // In the words the voicemail used: "8:15", "6:30 in the evening".
        { opener: `Calling as promised — I said I'd try you at ${phraseClock(localMinuteOfDay(zone, Date.parse(promise.at)))}`, openerKind: 'promise' as const }
      : { opener: firstSentence(voicemail.text) || `Hi ${lead.firstName || leadName(lead)}`, openerKind: 'script' as const };
  return {
    leadId: lead.id,
    name: leadName(lead),
    company: lead.company,
    phone: lead.phone,
    localTime: zone ? format(new TZDate(now, zone), 'H:mm') : '',
    timeZone: zone,
    attempts: store.summaryOf(lead.id).attempts,
    strip: zone ? attempts.map((a) => ({ minute: localMinuteOfDay(zone, Date.parse(a.startedAt)), outcome: a.outcome })) : [],
    lastPromise: promise && { at: promise.at, phrase: promise.phrase },
    ...opener,
    notes: lead.notes,
    voicemail: {
      text: voicemail.text,
      scriptId: voicemail.scriptId,
      scriptVersion: voicemail.scriptVersion,
      promisedFor: voicemail.promisedFor,
      promisedPhrase: voicemail.promisedPhrase,
    },
    refused,
    realLife,
  };
}
