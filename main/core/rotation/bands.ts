import type { Band } from '../../../shared/schedule.js';
import { clockMinutes, localMinuteOfDay } from '../timezones/zone-clock.js';

export interface BandMinutes {
  start: number;
  end: number;
}

const cache = new WeakMap<Band[], BandMinutes[]>();

/** Bands as local minutes of the day, memoised per bands array (settings objects are reused). */
export function bandMinutes(bands: Band[]): BandMinutes[] {
  let minutes = cache.get(bands);
  if (!minutes) {
    minutes = bands.map((b) => ({ start: clockMinutes(b.start), end: clockMinutes(b.end) }));
    cache.set(bands, minutes);
  }
  return minutes;
}

/** Index of the band holding local minute `minute`, or -1. */
export function bandIndexOfMinute(bands: Band[], minute: number): number {
  const minutes = bandMinutes(bands);
  for (let i = 0; i < minutes.length; i++) {
    if (minute >= minutes[i].start && minute < minutes[i].end) return i;
  }
  return -1;
}

/** Index of the band instant `ms` falls in, in `zone`'s local time, or -1. */
export function bandIndexAt(bands: Band[], zone: string, ms: number): number {
  return bandIndexOfMinute(bands, localMinuteOfDay(zone, ms));
}
