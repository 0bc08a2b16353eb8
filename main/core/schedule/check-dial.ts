/**
 * The gate every dial passes: do-not-call first (it needs the lists), then
 * the one verdict of calling-window.ts. Refuses with a reason a rep can act on.
 */
import type { Lead, LeadId } from '../../../shared/domain.js';
import type { LeadRotationState, LeadZones, ScheduleSettings } from '../../../shared/schedule.js';
import { doNotCallVerdict } from '../compliance/legal-calendar.js';
import { dialVerdict, type DialVerdict, type RepCalendar } from './calling-window.js';
import { doNotCallReason, optOutOf, type DoNotCallList } from './do-not-call.js';

export interface DialCheckInput {
  lead: Pick<Lead, 'id' | 'phone' | 'doNotCall'>;
  zones: LeadZones;
  /** The lead's folded history, when known (opt-outs recorded as outcomes; recent calls for the caps). */
  state?: Pick<LeadRotationState, 'status' | 'doNotCallSince' | 'recentAttemptsAt'> | null;
  /** The lead's summary says it opted out (kept even for a lead without a rotation state). */
  optedOut?: boolean;
  rep: RepCalendar;
  schedule: ScheduleSettings;
  /** Imported do-not-call numbers. */
  doNotCallList?: DoNotCallList | null;
  now: number;
}

/** Whether the lead may be dialled at `now`, else the first reason it may not. */
export function checkDialAllowed(input: DialCheckInput): DialVerdict {
  const { lead, zones, state, rep, schedule, now } = input;
  const doNotCall = doNotCallReason(lead, optOutOf(state, input.optedOut), input.doNotCallList, rep.repTimeZone);
  if (doNotCall !== null) return refusedAsDoNotCall(zones, doNotCall);
  return dialVerdict({ leadId: (lead.id || null) as LeadId | null, zones, recentCalls: state?.recentAttemptsAt }, rep, schedule, now);
}

/** A do-not-call refusal, with the law that makes it binding where the lead is. */
export function refusedAsDoNotCall(zones: LeadZones, reason: string): DialVerdict {
  return { allowed: false, reason, legal: doNotCallVerdict(zones.places ?? [], reason) };
}
