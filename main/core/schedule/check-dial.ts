/**
 * The gate every dial passes: refuses with a reason a rep can act on.
 */
import type { Lead, LeadId } from '../../../shared/domain.js';
import type { DialCheck, LeadRotationState, LeadZones, ScheduleSettings } from '../../../shared/schedule.js';
import { weekdayName } from '../timezones/calendar.js';
import { clockMinutes, isoDateOfDay, localDay, localMinuteOfDay, weekdayOfDay } from '../timezones/zone-clock.js';
import { leadMinuteWindow, type RepCalendar } from './calling-window.js';
import { doNotCallReason, optOutOf, type DoNotCallList } from './do-not-call.js';

export interface DialCheckInput {
  lead: Pick<Lead, 'id' | 'phone' | 'doNotCall'>;
  zones: LeadZones;
  /** The lead's folded history, when known (opt-outs recorded as outcomes). */
  state?: Pick<LeadRotationState, 'status' | 'doNotCallSince'> | null;
  /** The lead's summary says it opted out (kept even for a lead without a rotation state). */
  optedOut?: boolean;
  rep: RepCalendar;
  schedule: ScheduleSettings;
  /** Imported do-not-call numbers. */
  doNotCallList?: DoNotCallList | null;
  now: number;
}

/** "7:40", "21:00": 24-hour clock text for reasons (shared/clock-text.ts). */
export { clockText } from '../../../shared/clock-text.js';
import { clockText } from '../../../shared/clock-text.js';

/** Whether the lead may be dialled at `now`, else the first reason it may not. */
export function checkDialAllowed(input: DialCheckInput): DialCheck {
  const { lead, zones, state, rep, schedule, now } = input;
  const doNotCall = doNotCallReason(lead, optOutOf(state, input.optedOut), input.doNotCallList, rep.repTimeZone);
  if (doNotCall !== null) return refuse(doNotCall);
  if (zones.zones.length === 0) return refuse('No time zone is known for this lead; set one before calling');

  const window = leadMinuteWindow(zones, lead.id as LeadId, schedule);
  if (!window) return refuse("The lead's calling windows do not overlap; no hour is allowed");
  for (const zone of zones.zones) {
    const minute = localMinuteOfDay(zone, now);
    if (minute < window.start || minute >= window.end) {
      const which = zones.ambiguous ? ` (one of its possible zones: ${zones.zones.join(', ')})` : '';
      return refuse(
        `It is ${clockText(minute)} in ${zone}${which}; calls are allowed ${clockText(window.start)}–${clockText(window.end)} local`,
      );
    }
  }

  const repDay = localDay(rep.repTimeZone, now);
  const date = isoDateOfDay(repDay);
  if (rep.daysOff.includes(date)) return refuse(`Day off: ${date} is marked off`);
  const weekday = weekdayOfDay(repDay);
  if (!rep.workingHours.days.includes(weekday)) return refuse(`Day off: you do not work on ${weekdayName(weekday)}s`);
  const repMinute = localMinuteOfDay(rep.repTimeZone, now);
  const start = clockMinutes(rep.workingHours.start);
  const end = clockMinutes(rep.workingHours.end);
  if (repMinute < start || repMinute >= end) {
    return refuse(
      `Outside your working hours (${clockText(start)}–${clockText(end)} ${rep.repTimeZone}); it is ${clockText(repMinute)} there`,
    );
  }
  return { allowed: true };
}

function refuse(reason: string): DialCheck {
  return { allowed: false, reason };
}
