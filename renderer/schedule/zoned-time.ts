/** Minutes of a lead's day, for the day strip. Instants arrive as ISO strings. */
import { clockText } from '../../shared/clock-text.js';
import { zonedParts } from '../ui/format-time.js';

/** Minutes since local midnight of `instant` in `zone` (0–1439), or null. */
export function minuteOfDay(instant: string | Date, zone: string): number | null {
  const parts = zonedParts(instant, zone);
  return parts ? parts.hour * 60 + parts.minute : null;
}

/** "HH:MM" (or "24:00") → minutes since midnight; NaN when malformed. */
export function clockToMinutes(clock: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/** Minutes → "8:15" (24-hour, no leading zero), as the core words its reasons. */
export const minutesToClock = clockText;
