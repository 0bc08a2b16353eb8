/**
 * Spoken times for voicemail scripts, in the lead's local time and plain
 * words: "tomorrow at 8:15", "Thursday at 2:40", "Thursday, March 20 at 6:30
 * in the evening". Calls happen 8:00–21:00, so a bare "8:15" is morning and
 * only evening times need saying so.
 */
import { localDay, localMinuteOfDay, weekdayOfDay } from './zone-clock.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "today", "tomorrow", "Thursday" (within the week), else "Thursday, March 20" — as the lead's calendar sees it. */
export function phraseDay(instant: number, zone: string, now: number): string {
  const day = localDay(zone, instant);
  const difference = day - localDay(zone, now);
  if (difference === 0) return 'today';
  if (difference === 1) return 'tomorrow';
  const weekday = WEEKDAYS[weekdayOfDay(day)];
  if (difference > 1 && difference < 7) return weekday;
  const date = new Date(day * 86_400_000);
  return `${weekday}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "8:15", "2:40", "noon", "6:30 in the evening". */
export function phraseClock(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  if (hours === 12 && minutes === 0) return 'noon';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const text = `${twelve}:${String(minutes).padStart(2, '0')}`;
  if (hours >= 18) return `${text} in the evening`;
  if (hours < 6) return `${text} at night`;
  return text;
}

/** The attempt time as the lead hears it: "tomorrow at 8:15", "Thursday at 2:40". */
export function phraseAttemptTime(instant: number, zone: string, now: number): string {
  const clock = phraseClock(localMinuteOfDay(zone, instant));
  return `${phraseDay(instant, zone, now)} at ${clock}`;
}
