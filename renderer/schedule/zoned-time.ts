/**
 * Wall-clock arithmetic in a lead's zone with Intl only (the renderer has no
 * Node and no zone database of its own). Instants arrive as ISO strings.
 */

const partFormatters = new Map<string, Intl.DateTimeFormat | null>();
const clockFormatters = new Map<string, Intl.DateTimeFormat | null>();

function cached(map: Map<string, Intl.DateTimeFormat | null>, zone: string, options: Intl.DateTimeFormatOptions) {
  let formatter = map.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    } catch {
      formatter = null;
    }
    map.set(zone, formatter);
  }
  return formatter;
}

export interface ZonedParts {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock of `instant` in `zone`, or null when the zone or the instant is not valid. */
export function zonedParts(instant: string | Date, zone: string): ZonedParts | null {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  const formatter = cached(partFormatters, zone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  if (!formatter) return null;
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

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
export function minutesToClock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "2:05 PM" style wall-clock time in `zone`, or null when the zone is not valid. */
export function clockIn(zone: string, instant: Date | string = new Date()): string | null {
  const formatter = cached(clockFormatters, zone, { hour: 'numeric', minute: '2-digit', weekday: 'short' });
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return formatter && !Number.isNaN(date.getTime()) ? formatter.format(date) : null;
}
