/**
 * Public holidays from the maintained date-holidays package (its data follows
 * each country's and state's legislation), never a hand-written list. Only
 * `public` holidays count, substitute days ("observed" Mondays) included:
 * where a law bans calls on a holiday, the day off people actually have is
 * the one that matters, and the stricter reading is the safe one.
 */
import Holidays from 'date-holidays';

/** Per calendar ("US-UT", "AU") and year: ISO date → the holiday's name. */
const cache = new Map<string, Map<string, string>>();

function holidaysOf(calendar: string, year: number): Map<string, string> {
  const key = `${calendar}:${year}`;
  let days = cache.get(key);
  if (days) return days;
  const [country, state] = calendar.split('-');
  const source = state ? new Holidays(country, state) : new Holidays(country);
  days = new Map();
  for (const holiday of source.getHolidays(year) || []) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    if (!days.has(date)) days.set(date, holiday.name);
  }
  cache.set(key, days);
  return days;
}

/** The public holiday on `isoDate` ("2026-12-25") in `calendar`, or null. */
export function holidayOn(calendar: string, isoDate: string): string | null {
  return holidaysOf(calendar, Number(isoDate.slice(0, 4))).get(isoDate) ?? null;
}

/** Names of the subdivisions date-holidays knows for a country (code → English name), for reading addresses. */
const subdivisions = new Map<string, Record<string, string>>();
export function subdivisionsOf(country: string): Record<string, string> {
  let names = subdivisions.get(country);
  if (!names) {
    names = (new Holidays().getStates(country, 'en') as Record<string, string> | undefined) ?? {};
    subdivisions.set(country, names);
  }
  return names;
}

/** Every country date-holidays knows (code → English name). */
export function countriesKnown(): Record<string, string> {
  return new Holidays().getCountries('en') as Record<string, string>;
}
