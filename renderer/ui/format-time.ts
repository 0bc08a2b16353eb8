/**
 * Every date and time the screens show, through date-fns: in a given IANA zone
 * (a `TZDate`) when one matters (a lead's local time, the rep's slots), else in
 * this computer's own. Names come from the date-fns locale, so another language
 * is a locale here, not new tables in each screen.
 */
import { TZDate } from '@date-fns/tz';
import { format, isValid, parse, subDays, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale';

/** The screens' language: one place to change it. */
export const LOCALE: Locale = enUS;

type Instant = string | number | Date;

/** The instant as a date-fns date, in `zone` when given; null when the instant or the zone is not valid. */
function dateOf(instant: Instant, zone?: string | null): Date | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : +instant;
  if (Number.isNaN(ms)) return null;
  if (!zone) return new Date(ms);
  const date = new TZDate(ms, zone);
  return isValid(date) ? date : null;
}

function formatted(instant: Instant, pattern: string, zone?: string | null): string | null {
  const date = dateOf(instant, zone);
  return date ? format(date, pattern, { locale: LOCALE }) : null;
}

/** "Dec 1, 2026, 2:05 PM"; the input as given when it is not a date. */
export function formatDateTime(iso: string, zone?: string | null): string {
  return formatted(iso, 'PP, p', zone) ?? iso;
}

/** "Dec 1", or "—" when there is no date. */
export function formatShortDate(iso: string | null, zone?: string | null): string {
  return (iso && formatted(iso, 'MMM d', zone)) || '—';
}

/** "14:03": 24-hour clock time. */
export function clockTime(instant: Instant, zone?: string | null): string {
  return formatted(instant, 'HH:mm', zone) ?? '';
}

/** "2:05 PM" in `zone`, or null when the zone is unknown or not valid. */
export function localTimeIn(zone: string | null, now: Instant = Date.now()): string | null {
  return zone ? formatted(now, 'p', zone) : null;
}

/** "Tue 2:05 PM" in `zone`, or null when the zone or the instant is not valid. */
export function weekdayTimeIn(zone: string, instant: Instant = Date.now()): string | null {
  return formatted(instant, 'EEE p', zone);
}

/** "Tue, Dec 1, 11:30–12:00": a span within one day, as the wall clock of `zone` reads it. */
export function formatSpan(startIso: string, endIso: string, zone?: string | null): string {
  const start = formatted(startIso, 'EEE, MMM d, HH:mm', zone);
  const end = formatted(endIso, 'HH:mm', zone);
  return start && end ? `${start}–${end}` : `${startIso}–${endIso}`;
}

/** "2026-12-01": the calendar date in `zone` (this computer's when none). */
export function isoDate(instant: Instant = Date.now(), zone?: string | null): string {
  return formatted(instant, 'yyyy-MM-dd', zone) ?? '';
}

/** The calendar dates of the last `days` days up to today, inclusive, in `zone`. */
export function lastDays(days: number, now: Instant = Date.now(), zone?: string | null): { from: string; to: string } {
  const today = dateOf(now, zone) ?? new Date();
  return { from: isoDate(subDays(today, days - 1), zone), to: isoDate(today, zone) };
}

/** "Monday", or "Mon" when short: 0 = Sunday … 6 = Saturday. */
export function weekdayName(weekday: number, width: 'wide' | 'abbreviated' = 'wide'): string {
  return LOCALE.localize.day(weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6, { width });
}

/** The week's days, Sunday first, by their names: what day pickers list. */
export const WEEKDAY_NAMES: readonly string[] = [0, 1, 2, 3, 4, 5, 6].map((day) => weekdayName(day));

export interface ZonedParts {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The wall clock of `instant` in `zone`, or null when the zone or the instant is not valid. */
export function zonedParts(instant: Instant, zone: string): ZonedParts | null {
  const date = dateOf(instant, zone);
  if (!date) return null;
  return { date: format(date, 'yyyy-MM-dd'), weekday: date.getDay(), hour: date.getHours(), minute: date.getMinutes() };
}

/**
 * What a `datetime-local` field holds ("2026-12-01T16:30"), read as a wall time in `zone`
 * (this computer's when none), as an ISO instant; null when it is not such a time.
 */
export function instantOfLocalInput(text: string, zone?: string | null): string | null {
  const reference = zone ? new TZDate(Date.now(), zone) : new Date();
  const date = parse(text, text.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm", reference);
  return isValid(date) ? new Date(date.getTime()).toISOString() : null;
}
