/**
 * Spoken times for voicemail scripts, in the lead's local time and plain
 * words: "tomorrow at 8:15", "Thursday at 2:40", "Thursday, March 20 at 6:30
 * in the evening". Calls happen 8:00–21:00, so a bare "8:15" is morning and
 * only evening times need saying so.
 *
 * Calendar days are counted on the lead's own calendar (date-fns on a TZDate
 * in the lead's zone); weekday and month names come from the date-fns locale,
 * so another language for the scripts is a locale, not a new table.
 */
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, formatDistanceStrict, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale';

/** "today", "tomorrow", "Thursday" (within the week), else "Thursday, March 20" — as the lead's calendar sees it. */
export function phraseDay(instant: number, zone: string, now: number, locale: Locale = enUS): string {
  const day = new TZDate(instant, zone);
  const difference = differenceInCalendarDays(day, new TZDate(now, zone));
  if (difference === 0) return 'today';
  if (difference === 1) return 'tomorrow';
  if (difference > 1 && difference < 7) return format(day, 'EEEE', { locale });
  return format(day, 'EEEE, MMMM d', { locale });
}

/** "8:15", "2:40", "noon", "6:30 in the evening", from minutes after local midnight. */
export function phraseClock(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  if (hours === 12 && minutes === 0) return 'noon';
  // A wall-clock time on no particular day: UTC, so no zone's gaps or folds touch it.
  const text = format(new TZDate(Date.UTC(2000, 0, 1, hours, minutes), 'UTC'), 'h:mm');
  if (hours >= 18) return `${text} in the evening`;
  if (hours < 6) return `${text} at night`;
  return text;
}

/** The attempt time as the lead hears it: "tomorrow at 8:15", "Thursday at 2:40". */
export function phraseAttemptTime(instant: number, zone: string, now: number, locale: Locale = enUS): string {
  const local = new TZDate(instant, zone);
  const clock = phraseClock(local.getHours() * 60 + local.getMinutes());
  return `${phraseDay(instant, zone, now, locale)} at ${clock}`;
}

/** "now", "in 10 minutes", "5 minutes ago", "in 2 hours": how far `instant` is from `now`, to the minute. */
export function phraseRelative(instant: number, now: number, locale: Locale = enUS): string {
  const minutes = Math.round((instant - now) / 60_000);
  if (minutes === 0) return 'now';
  return formatDistanceStrict(instant, now, { addSuffix: true, roundingMethod: 'round', locale, unit: Math.abs(minutes) < 60 ? 'minute' : undefined });
}
