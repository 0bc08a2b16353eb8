/**
 * Calendar arithmetic in a zone with date-fns on a `TZDate`, for code that
 * handles a few dates at a time (returns slots, stats weeks, reminders). The
 * planner, which converts millions of instants, keeps the memoised offsets of
 * zone-clock.ts instead.
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, startOfDay, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale';

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;
/** How far clocks go back on a fall-back night: 30 minutes (Lord Howe), an hour, two (wartime double summer time). */
const FOLD_LENGTHS = [30, 60, 120];

/** Local midnight of the day `at` falls on in `zone`, as a `TZDate` in that zone. */
export function dayIn(zone: string, at: number | Date): TZDate {
  return startOfDay(new TZDate(+at, zone));
}

/**
 * The instant `minute` minutes after local midnight on `day`'s date, in `day`'s zone
 * ("24:00" is the next midnight). A wall time read twice on a fall-back night is its
 * first reading; one skipped by a spring-forward gap is the moment the clocks jump,
 * so `[start, end)` holds exactly the instants whose local time is inside.
 */
export function atWallMinute(day: TZDate, minute: number): TZDate {
  if (minute >= MINUTES_PER_DAY) return atWallMinute(addDays(day, 1), minute - MINUTES_PER_DAY);
  const zone = day.timeZone ?? 'UTC';
  const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minute / 60), minute % 60, zone);
  const wall = (ms: number) => ms + tzOffset(zone, new Date(ms)) * MINUTE_MS;
  if (at.getHours() * 60 + at.getMinutes() === minute && at.getDate() === day.getDate()) {
    // On a fall-back night date-fns may pick either reading; the earlier one is read first.
    let first = at.getTime();
    for (const back of FOLD_LENGTHS) if (wall(at.getTime() - back * MINUTE_MS) === wall(at.getTime())) first = at.getTime() - back * MINUTE_MS;
    return new TZDate(first, zone);
  }
  // In a gap date-fns moves on by the gap's length; the jump itself is where the offset last changed.
  let jump = at.getTime();
  const after = tzOffset(zone, new Date(jump));
  while (tzOffset(zone, new Date(jump - MINUTE_MS)) === after) jump -= MINUTE_MS;
  return new TZDate(jump, zone);
}

/** "Monday" (or "Mon" when short), from the locale's names, never a table of our own. */
export function weekdayName(weekday: number, width: 'wide' | 'abbreviated' = 'wide', locale: Locale = enUS): string {
  return locale.localize.day(weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6, { width });
}
