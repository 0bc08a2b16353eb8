import type { Attempt, Lead } from '../../../shared/domain.js';
import type { LeadStore } from '../store/lead-store.js';
import type { QuarantinedRecord } from '../store/quarantine.js';
import { csvLine } from './csv-line.js';

const LEAD_COLUMNS = [
  'id', 'first_name', 'last_name', 'company', 'email', 'phone', 'extension', 'other_phones',
  'time_zone', 'referrer', 'reason', 'notes', 'do_not_call', 'attempts', 'conversations', 'last_attempt_at', 'last_outcome', 'created_at',
];
const ATTEMPT_COLUMNS = [
  'id', 'lead_id', 'phone', 'outcome', 'started_at', 'ended_at', 'recorded_at', 'source', 'sip_status', 'script_id', 'script_version', 'promised_for', 'note',
];


/** CSV text in chunks, so the CLI can stream a million attempts without holding them. */
export function* exportLeadsCsv(
  store: LeadStore,
  /** The one do-not-call rule (the dial gate's), so `do_not_call` says what the gate refuses. */
  isDoNotCall: (lead: Lead) => boolean,
): Generator<string> {
  yield csvLine(LEAD_COLUMNS);
  for (const lead of store.allLeads()) {
    const summary = store.summaryOf(lead.id);
    yield csvLine([
      lead.id, lead.firstName, lead.lastName, lead.company, lead.email, lead.phone, lead.extension, lead.otherPhones.join(' '),
      lead.timeZone ?? lead.timeZoneInput, lead.referrer, lead.reason, lead.notes, isDoNotCall(lead) ? 'yes' : 'no',
      summary.attempts, summary.conversations, summary.lastAttemptAt, summary.lastOutcome, lead.createdAt,
    ]);
  }
}

export function* exportAttemptsCsv(store: LeadStore): Generator<string> {
  yield csvLine(ATTEMPT_COLUMNS);
  for (const a of store.allAttempts()) yield csvLine(attemptValues(a, store.getLead(a.leadId)));
}

function attemptValues(a: Attempt, lead: Lead | undefined): unknown[] {
  return [
    a.id, a.leadId, lead?.phone ?? '', a.outcome, a.startedAt, a.endedAt, a.recordedAt, a.source, a.sipStatus, a.scriptId, a.scriptVersion, a.promisedFor, a.note,
  ];
}

const QUARANTINE_COLUMNS = ['kind', 'source', 'line', 'byte', 'reason', 'set_aside_at', 'record', 'record_base64'];

/** The records set aside as unreadable, each with where it was and why, exactly as read (`record_base64` when its bytes were not UTF-8). */
export function* exportQuarantineCsv(records: Iterable<QuarantinedRecord>): Generator<string> {
  yield csvLine(QUARANTINE_COLUMNS);
  for (const r of records) yield csvLine([r.kind, r.source, r.line, r.byte, r.reason, r.setAsideAt, r.text, r.base64 ?? '']);
}
