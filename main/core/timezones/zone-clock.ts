/**
 * Fast wall-clock arithmetic in IANA zones for the planner, which converts
 * millions of instants. Offsets come from `@date-fns/tz` (the runtime's tz
 * database through Intl) and are memoised per zone in 15-minute buckets: every
 * tz transition since 1970 falls on a quarter hour in UTC, so the offset is
 * constant inside a bucket.
 */
import { hhmm } from '../../../shared/clock-text.js';
import { tzOffset } from '@date-fns/tz';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;

const offsetCaches = new Map<string, Map<number, number>>();
/** Per zone and UTC day: the offset when it holds all day, else NaN (a transition day, read per bucket). */
const dayCaches = new Map<string, Map<number, number>>();

function bucketOffset(zone: string, bucket: number): number {
  let cache = offsetCaches.get(zone);
  if (cache === undefined) {
    cache = new Map();
    offsetCaches.set(zone, cache);
  }
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = tzOffset(zone, new Date(bucket * BUCKET_MS));
    if (Number.isNaN(offset)) throw new Error(`Unknown time zone: ${zone}`);
    cache.set(bucket, offset);
  }
  return offset;
}

/** UTC offset of `zone` at instant `ms`, in minutes (New York in winter: -300). */
export function offsetMinutes(zone: string, ms: number): number {
  // Most days have no transition: two look-ups at the day's ends answer the whole day,
  // so a million scattered instants cost a few hundred tz look-ups instead of one per quarter hour.
  let days = dayCaches.get(zone);
  if (days === undefined) {
    days = new Map();
    dayCaches.set(zone, days);
  }
  const day = Math.floor(ms / DAY_MS);
  let whole = days.get(day);
  if (whole === undefined) {
    const first = bucketOffset(zone, (day * DAY_MS) / BUCKET_MS);
    const last = bucketOffset(zone, ((day + 1) * DAY_MS) / BUCKET_MS - 1);
    whole = first === last ? first : Number.NaN;
    days.set(day, whole);
  }
  return Number.isNaN(whole) ? bucketOffset(zone, Math.floor(ms / BUCKET_MS)) : whole;
}

/** The local calendar day of `ms` in `zone`, as days since 1970-01-01. */
export function localDay(zone: string, ms: number): number {
  return Math.floor((ms + offsetMinutes(zone, ms) * MINUTE_MS) / DAY_MS);
}

/** Local minute of the day (0…1439) of `ms` in `zone`. */
export function localMinuteOfDay(zone: string, ms: number): number {
  const wall = ms + offsetMinutes(zone, ms) * MINUTE_MS;
  return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** 0 = Sunday … 6 = Saturday, for a day number from `localDay`. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** "YYYY-MM-DD" of a day number from `localDay`. */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The earliest instant whose wall time in `zone` is at or after `minute` on
 * local `day`. For a wall time that exists this is that time (the first of two
 * on a fall-back night); for one skipped by a spring-forward gap it is the
 * moment the clocks jump. Using this one rule for both ends of an interval
 * makes `[start, end)` hold exactly the instants whose local time is inside.
 */
export function instantAtLocal(zone: string, day: number, minute: number): number {
  const wall = day * DAY_MS + minute * MINUTE_MS;
  // Almost always: one offset around the reading and the two hours before it (no fall-back can repeat it).
  const offset = offsetMinutes(zone, wall);
  const reading = wall - offset * MINUTE_MS;
  if (offsetMinutes(zone, reading) === offset && offsetMinutes(zone, reading - 120 * MINUTE_MS) === offset) return reading;
  const guessB = wall - offsetMinutes(zone, reading) * MINUTE_MS;
  let best = Number.POSITIVE_INFINITY;
  for (const candidate of [reading, guessB, wall - offsetMinutes(zone, guessB) * MINUTE_MS]) {
    if (candidate + offsetMinutes(zone, candidate) * MINUTE_MS === wall && candidate < best) best = candidate;
  }
  // An earlier reading of the same wall time exists when the clocks fell back after it.
  for (const candidate of [best - 30 * MINUTE_MS, best - 60 * MINUTE_MS, best - 120 * MINUTE_MS]) {
    if (Number.isFinite(best) && candidate + offsetMinutes(zone, candidate) * MINUTE_MS === wall) best = candidate;
  }
  if (Number.isFinite(best)) return best;
  return gapEnd(zone, wall);
}

/**
 * The instants of local day `day` whose wall time lies in `[start, end)` (minutes), as one span or, when the
 * clocks change inside it, two. `[instantAtLocal(start), instantAtLocal(end))` alone is wrong on a fall-back
 * night: Lord Howe's 02:00 becomes 01:30, so a 01:45–02:00 window would take in the repeated 01:30–01:45.
 */
export function localSpans(zone: string, day: number, start: number, end: number): { start: number; end: number }[] {
  const from = instantAtLocal(zone, day, start);
  const to = instantAtLocal(zone, day, end);
  if (to <= from) return [];
  const before = offsetMinutes(zone, from);
  const after = offsetMinutes(zone, to - 1);
  if (before === after) return [{ start: from, end: to }];
  // The change: the first whole minute with the later offset (a day has at most one).
  let low = Math.floor(from / MINUTE_MS);
  let high = Math.ceil((to - 1) / MINUTE_MS);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetMinutes(zone, mid * MINUTE_MS) === before) low = mid;
    else high = mid;
  }
  const change = high * MINUTE_MS;
  const wallMs = (minute: number, offset: number) => day * DAY_MS + (minute - offset) * MINUTE_MS;
  const first = { start: from, end: Math.min(change, wallMs(end, before)) };
  const second = { start: Math.max(change, wallMs(start, after)), end: to };
  // A spring-forward skips no time: its two halves meet.
  if (first.end === second.start) return [{ start: from, end: to }];
  return [first, second].filter((span) => span.start < span.end);
}

/** In a spring-forward gap: the first instant whose local time is past `wall`. */
function gapEnd(zone: string, wall: number): number {
  // Before the jump local time is below `wall`, after it above; search the quarter hours between.
  let low = wall - 26 * 60 * MINUTE_MS;
  let high = wall + 26 * 60 * MINUTE_MS;
  low = Math.floor(low / BUCKET_MS);
  high = Math.ceil(high / BUCKET_MS);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const ms = mid * BUCKET_MS;
    if (ms + offsetMinutes(zone, ms) * MINUTE_MS >= wall) high = mid;
    else low = mid;
  }
  return high * BUCKET_MS;
}

/** Minutes since midnight of an "HH:MM" time ("24:00" is 1440). */
export function clockMinutes(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Expected HH:MM, got "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** ISO 8601 with the zone's UTC offset at that instant: 2025-03-10T08:15:00-04:00. */
export function isoWithOffset(zone: string, ms: number): string {
  const offset = offsetMinutes(zone, ms);
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${hhmm(Math.abs(offset))}`;
}

const knownZones = new Map<string, boolean>();

/** Whether the runtime knows `zone` as a time zone (remembered: an import asks it of every lead's few zones). */
export function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known !== undefined) return known;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    known = true;
  } catch {
    known = false;
  }
  // Names come from files too: a memo of unbounded junk would grow without end.
  if (knownZones.size < 2_000) knownZones.set(zone, known);
  return known;
}
