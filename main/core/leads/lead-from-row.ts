import { parseFullName } from 'parse-full-name';
import type { ColumnMapping } from '../../../shared/contract/index.js';
import type { Lead } from '../../../shared/domain.js';
import { normalizePhone } from './normalize-phone.js';
import { normalizeTimeZoneName } from '../timezones/normalize-time-zone.js';
import { placeOfAddress } from '../compliance/places.js';

export type RowResult = { ok: true; lead: Omit<Lead, 'id' | 'createdAt' | 'updatedAt' | 'zones'> } | { ok: false; reason: string };

/** One CSV row → a lead, or the reason it cannot be one. Duplicates are judged by the caller. */
export function leadFromRow(cells: string[], mapping: ColumnMapping, defaultCountry: string): RowResult {
  const cell = (index: number | null) => (index === null ? '' : (cells[index] ?? '').trim());
  let firstName = cell(mapping.firstName);
  let lastName = cell(mapping.lastName);
  const fullName = cell(mapping.fullName);
  if (!firstName && !lastName && fullName) [firstName, lastName] = splitFullName(fullName);
  const company = cell(mapping.company);
  if (!firstName && !lastName && !company) return { ok: false, reason: 'neither a name nor a company' };

  if (mapping.phones.length === 0) return { ok: false, reason: 'no phone column is mapped' };
  const valid: Array<{ e164: string; extension: string; country: string | null }> = [];
  const problems: string[] = [];
  for (const index of mapping.phones) {
    const raw = cell(index);
    if (!raw) continue;
    const result = normalizePhone(raw, defaultCountry, cell(mapping.extension));
    if (result.ok) {
      if (!valid.some((v) => v.e164 === result.e164)) valid.push(result);
    } else problems.push(result.reason);
  }
  if (valid.length === 0) return { ok: false, reason: problems[0] ?? 'no phone number' };

  // Where the lead is decides the law that binds the call: a cell that names no zone or place is reported, never guessed.
  const zoneText = cell(mapping.timeZone);
  const timeZone = normalizeTimeZoneName(zoneText);
  if (zoneText && !timeZone) {
    return { ok: false, reason: `time zone "${shorten(zoneText)}" is not a zone Dialdesk can read (use a name such as America/New_York or "Eastern Time", or leave the cell empty)` };
  }
  const state = cell(mapping.state ?? null);
  const country = cell(mapping.country ?? null);
  if (state || country) {
    const place = placeOfAddress(state, country, valid[0].country);
    if (!place.ok) return { ok: false, reason: place.reason };
  }
  return {
    ok: true,
    lead: {
      firstName,
      lastName,
      company,
      email: cell(mapping.email),
      phone: valid[0].e164,
      extension: valid[0].extension,
      otherPhones: valid.slice(1).map((v) => v.e164),
      timeZone,
      timeZoneInput: zoneText,
      referrer: cell(mapping.referrer),
      reason: cell(mapping.reason),
      notes: cell(mapping.notes),
      doNotCall: isYes(cell(mapping.doNotCall ?? null)),
      ...(fullName ? { fullName } : {}),
      ...(state || country ? { address: { state, country } } : {}),
    },
  };
}

/** Particles that belong to the family name even where the parser takes them for a middle name ("Siobhán Ní Bhriain"). */
const SURNAME_PARTICLES = new Set(['ní', 'nic', 'ó', 'ua', 'uí', 'mac', 'mc', 'bin', 'binti', 'ibn', 'al', 'el', 'ap', 'ter', 'ten', 'zu', 'af', 'av']);

/**
 * "Smith, Dana", "Dr. Dana Smith" and "Dana van der Berg" give the first and
 * family names a script greets with; honorifics and suffixes are dropped here
 * (the full name is kept on the lead as written).
 */
export function splitFullName(full: string): [string, string] {
  const parsed = parseFullName(full, 'all', 0, 0, 0);
  let first = parsed.first ?? '';
  let middle = (parsed.middle ?? '').split(' ').filter(Boolean);
  let last = parsed.last ?? '';
  // The parser's middle names stay with the first name, except particles that start the family name.
  const particleAt = middle.findIndex((word) => SURNAME_PARTICLES.has(word.toLowerCase()));
  if (particleAt !== -1) {
    last = [...middle.slice(particleAt), last].filter(Boolean).join(' ');
    middle = middle.slice(0, particleAt);
  }
  first = [first, ...middle].filter(Boolean).join(' ');
  // A single word is a first name ("Cher"), not a family name.
  if (!first && last && !full.includes(',') && !parsed.title) [first, last] = [last, ''];
  return [first, last];
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'dnc', 'donotcall', 'optedout', 'optout', 'ja', 'oui', 'si', 'sí']);

/** CRM flags arrive as Yes/No, TRUE/FALSE, 1/0, or a checkmark. */
function isYes(value: string): boolean {
  return YES.has(value.toLowerCase().replace(/[^a-z0-9í]/g, '')) || value.trim() === '✓';
}
