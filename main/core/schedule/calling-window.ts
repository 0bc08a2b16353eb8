/**
 * When a lead may be called: inside the legal window in every candidate zone
 * of the lead (stricter country and lead windows intersected in), on a day
 * the rep works and has not marked off, inside the rep's working hours.
 * Every boundary is computed per local day with the zone's own offset that
 * day, so DST changes on either side shift the window correctly.
 */
import type { LeadId, Settings } from '../../../shared/domain.js';
import { LEGAL_WINDOW, type LeadZones, type LocalWindow, type ScheduleSettings } from '../../../shared/schedule.js';
import {
  clockMinutes,
  DAY_MS,
  isoDateOfDay,
  localDay,
  localSpans,
  weekdayOfDay,
} from '../timezones/zone-clock.js';
import { intersect, normalize, type Interval } from './intervals.js';

export type RepCalendar = Pick<Settings, 'repTimeZone' | 'workingHours' | 'daysOff'>;

/** A lead's daily window in local minutes `[start, end)`; null when the configured windows do not overlap. */
export interface MinuteWindow {
  start: number;
  end: number;
}

/**
 * The law's window ∩ the configured legal window ∩ the lead's country window ∩ the lead's own window.
 * LEGAL_WINDOW is always in the intersection, so no setting (nor a hand-edited settings file) widens it.
 */
export function leadMinuteWindow(
  zones: Pick<LeadZones, 'country'>,
  leadId: LeadId | null,
  schedule: ScheduleSettings,
): MinuteWindow | null {
  const windows: LocalWindow[] = [LEGAL_WINDOW, schedule.legalWindow];
  const country = zones.country ? schedule.countryWindows[zones.country] : undefined;
  if (country) windows.push(country);
  const own = leadId ? schedule.leadWindows[leadId] : undefined;
  if (own) windows.push(own);
  const start = Math.max(...windows.map((w) => clockMinutes(w.start)));
  const end = Math.min(...windows.map((w) => clockMinutes(w.end)));
  return start < end ? { start, end } : null;
}

/** Instants in `[from, to)` whose local time in `zone` is inside `window`. */
export function localWindowIntervals(zone: string, window: MinuteWindow, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (let day = localDay(zone, from) - 1; day <= localDay(zone, to) + 1; day++) {
    out.push(...localSpans(zone, day, window.start, window.end));
  }
  return clip(normalize(out), from, to);
}

/** Instants allowed by the lead side of the window: inside it in every candidate zone. */
export function leadIntervals(zones: string[], window: MinuteWindow, from: number, to: number): Interval[] {
  let result: Interval[] = [{ start: from, end: to }];
  for (const zone of zones) result = intersect(result, localWindowIntervals(zone, window, from, to));
  return zones.length === 0 ? [] : result;
}

/** Whether the rep works on local day `day` (weekday in working days, date not marked off). */
export function repWorksOn(rep: RepCalendar, day: number): boolean {
  return rep.workingHours.days.includes(weekdayOfDay(day)) && !rep.daysOff.includes(isoDateOfDay(day));
}

/** The rep's working hours in `[from, to)`, on working days that are not marked off. */
export function workingIntervals(rep: RepCalendar, from: number, to: number): Interval[] {
  const start = clockMinutes(rep.workingHours.start);
  const end = clockMinutes(rep.workingHours.end);
  const out: Interval[] = [];
  for (let day = localDay(rep.repTimeZone, from) - 1; day <= localDay(rep.repTimeZone, to) + 1; day++) {
    if (!repWorksOn(rep, day)) continue;
    out.push(...localSpans(rep.repTimeZone, day, start, end));
  }
  return clip(normalize(out), from, to);
}

/** Every instant in `[from, to)` at which the lead may be dialled (do-not-call aside). */
export function allowedIntervals(
  zones: LeadZones,
  leadId: LeadId | null,
  rep: RepCalendar,
  schedule: ScheduleSettings,
  from: number,
  to: number,
): Interval[] {
  const window = leadMinuteWindow(zones, leadId, schedule);
  if (!window) return [];
  return intersect(leadIntervals(zones.zones, window, from, to), workingIntervals(rep, from, to));
}

function clip(list: Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const interval of list) {
    const start = Math.max(interval.start, from);
    const end = Math.min(interval.end, to);
    if (start < end) out.push({ start, end });
  }
  return out;
}

/** Whether `ms` is allowed, computed over the day around it. */
export function isAllowedAt(
  zones: LeadZones,
  leadId: LeadId | null,
  rep: RepCalendar,
  schedule: ScheduleSettings,
  ms: number,
): boolean {
  const list = allowedIntervals(zones, leadId, rep, schedule, ms - DAY_MS, ms + DAY_MS);
  return list.some((i) => ms >= i.start && ms < i.end);
}
