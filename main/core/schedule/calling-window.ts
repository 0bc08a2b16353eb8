/**
 * The one answer to "may this lead be dialled at this instant", used by the
 * dial gate, the planner, promises, block queues and the simulator:
 *
 *   the law of every place the lead may be (compliance/: hours per kind of
 *   day, Sundays, public holidays, call caps), in every candidate zone
 *   ∩ the rep's stricter windows (Settings: one for every lead, one per
 *     country or jurisdiction, one per lead) in every candidate zone
 *   ∩ the rep's working days and hours, in the rep's zone.
 *
 * `allowedIntervals` gives the allowed instants of a span (what the planner
 * searches); `dialVerdict` judges one instant and names the rule that
 * refused it. The verdict tests the instant against each part's own
 * intervals, so the two agree by construction (and a property test holds
 * them to it). Every boundary is computed per local day with the zone's own
 * offset that day, so DST changes on either side shift the window correctly.
 */
import { clockText } from '../../../shared/clock-text.js';
import type { LegalVerdict } from '../../../shared/compliance.js';
import type { LeadId, Settings } from '../../../shared/domain.js';
import type { DialCheck, LeadZones, ScheduleSettings } from '../../../shared/schedule.js';
import { capsNotBefore, legalIntervals, legalVerdict, verdictText, type LegalSubject } from '../compliance/legal-calendar.js';
import { weekdayName } from '../timezones/calendar.js';
import { clip, contains, intersect, normalize, type Interval } from '../timezones/intervals.js';
import {
  clockMinutes,
  DAY_MS,
  isoDateOfDay,
  localDay,
  localMinuteOfDay,
  localSpans,
  weekdayOfDay,
} from '../timezones/zone-clock.js';

export type RepCalendar = Pick<Settings, 'repTimeZone' | 'workingHours' | 'daysOff'>;

/** A daily window in local minutes `[start, end)`. */
export interface MinuteWindow {
  start: number;
  end: number;
}

/** Who is to be called: the lead (or a number of no lead), where it may be, and the calls already made to it. */
export interface DialSubject {
  leadId: LeadId | null;
  zones: LeadZones;
  /** Start instants of the calls already made to this person (LeadRotationState.recentAttemptsAt). */
  recentCalls?: readonly number[];
}

/** The law's view of a subject. Leads stored before places existed have none until the store fills them. */
export function legalSubject(subject: DialSubject): LegalSubject {
  return { places: subject.zones.places ?? [], zones: subject.zones.zones, recentCalls: subject.recentCalls };
}

/** The rep's stricter windows that bind this subject, each with the words that name it in a refusal. */
function stricterWindows(subject: DialSubject, schedule: ScheduleSettings): Array<{ window: MinuteWindow; name: string }> {
  const out = [{ window: toMinutes(schedule.legalWindow), name: 'Your calling window' }];
  const keys = new Set([...(subject.zones.country ? [subject.zones.country] : []), ...(subject.zones.places ?? [])]);
  for (const key of [...keys].sort()) {
    const window = schedule.countryWindows[key];
    if (window) out.push({ window: toMinutes(window), name: `Your stricter window for ${key}` });
  }
  const own = subject.leadId ? schedule.leadWindows[subject.leadId] : undefined;
  if (own) out.push({ window: toMinutes(own), name: "This lead's own window" });
  return out;
}

const toMinutes = (window: { start: string; end: string }): MinuteWindow => ({ start: clockMinutes(window.start), end: clockMinutes(window.end) });

/**
 * The intersection of the rep's stricter windows for this subject (null when they do not overlap). The planner
 * keys its slot tables by it: leads that share zones, places and this window share their tables.
 */
export function stricterMinuteWindow(subject: DialSubject, schedule: ScheduleSettings): MinuteWindow | null {
  const windows = stricterWindows(subject, schedule).map((w) => w.window);
  const start = Math.max(...windows.map((w) => w.start));
  const end = Math.min(...windows.map((w) => w.end));
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

/** Instants inside `window` in every one of `zones`. */
export function windowIntervals(zones: readonly string[], window: MinuteWindow, from: number, to: number): Interval[] {
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

/**
 * The calendar part of the answer (hours, days, holidays, windows, the rep's time), with no call history: what
 * the planner's slot tables memoise per zones, places and window, for every lead that shares them.
 */
export function calendarIntervals(
  subject: DialSubject,
  window: MinuteWindow | null,
  rep: RepCalendar,
  from: number,
  to: number,
): Interval[] {
  if (!window) return [];
  return intersect(
    intersect(legalIntervals(legalSubject(subject), from, to), windowIntervals(subject.zones.zones, window, from, to)),
    workingIntervals(rep, from, to),
  );
}

/** Every instant in `[from, to)` at which the subject may be dialled (do-not-call aside). */
export function allowedIntervals(subject: DialSubject, rep: RepCalendar, schedule: ScheduleSettings, from: number, to: number): Interval[] {
  const calendar = calendarIntervals(subject, stricterMinuteWindow(subject, schedule), rep, from, to);
  const notBefore = capsNotBefore(legalSubject(subject), from);
  return notBefore > from ? clip(calendar, notBefore, to) : calendar;
}

/** Whether `ms` is allowed: the verdict without its words. */
export function isAllowedAt(subject: DialSubject, rep: RepCalendar, schedule: ScheduleSettings, ms: number): boolean {
  return dialVerdict(subject, rep, schedule, ms).allowed;
}

/** A verdict: the top-level answer (law, the rep's windows and hours) and the law's own, which ignores the rep. */
export type DialVerdict = DialCheck & { legal: LegalVerdict };

/**
 * Whether the subject may be dialled at `at`, and if not the first rule that refuses it: the law first (its
 * text names the jurisdiction, the rule and its source), then the rep's stricter windows, then the rep's days
 * and hours. Do-not-call is the gate's (check-dial.ts): it needs the lists.
 */
export function dialVerdict(subject: DialSubject, rep: RepCalendar, schedule: ScheduleSettings, at: number): DialVerdict {
  const legal = legalVerdict(legalSubject(subject), at);
  const refuse = (reason: string): DialVerdict => ({ allowed: false, reason, legal });
  const zones = subject.zones.zones;
  if (zones.length === 0) return refuse('No time zone is known for this lead; set one before calling');
  if (!legal.allowed) return refuse(`${verdictText(legal)}; ${localTimes(zones, at)}`);

  const around = (from: number) => ({ from: from - DAY_MS, to: from + DAY_MS });
  const { from, to } = around(at);
  for (const { window, name } of stricterWindows(subject, schedule)) {
    if (contains(windowIntervals(zones, window, from, to), at)) continue;
    return refuse(`${name}: ${clockText(window.start)}–${clockText(window.end)} local; ${localTimes(zones, at)}`);
  }

  if (contains(workingIntervals(rep, from, to), at)) return { allowed: true, legal };
  const repDay = localDay(rep.repTimeZone, at);
  const date = isoDateOfDay(repDay);
  if (rep.daysOff.includes(date)) return refuse(`Day off: ${date} is marked off`);
  const weekday = weekdayOfDay(repDay);
  if (!rep.workingHours.days.includes(weekday)) return refuse(`Day off: you do not work on ${weekdayName(weekday)}s`);
  const start = clockMinutes(rep.workingHours.start);
  const end = clockMinutes(rep.workingHours.end);
  return refuse(
    `Outside your working hours (${clockText(start)}–${clockText(end)} ${rep.repTimeZone}); it is ${clockText(localMinuteOfDay(rep.repTimeZone, at))} there`,
  );
}

/** "it is 20:30 in America/New_York" (every candidate zone). */
export function localTimes(zones: readonly string[], at: number): string {
  return `it is ${zones.map((zone) => `${clockText(localMinuteOfDay(zone, at))} in ${zone}`).join(', ')}`;
}
