import type { ColumnMapping } from '../../../shared/contract/index.js';
import type { Lead } from '../../../shared/domain.js';
import { normalizePhone } from './normalize-phone.js';
import { normalizeTimeZoneName } from '../timezones/normalize-time-zone.js';

export type RowResult = { ok: true; lead: Omit<Lead, 'id' | 'createdAt' | 'updatedAt' | 'zones'> } | { ok: false; reason: string };

/** One CSV row → a lead, or the reason it cannot be one. Duplicates are judged by the caller. */
export function leadFromRow(cells: string[], mapping: ColumnMapping, defaultCountry: string): RowResult {
  const cell = (index: number | null) => (index === null ? '' : (cells[index] ?? '').trim());
  let firstName = cell(mapping.firstName);
  let lastName = cell(mapping.lastName);
  if (!firstName && !lastName && mapping.fullName !== null) {
    [firstName, lastName] = splitFullName(cell(mapping.fullName));
  }
  const company = cell(mapping.company);
  if (!firstName && !lastName && !company) return { ok: false, reason: 'neither a name nor a company' };

  if (mapping.phones.length === 0) return { ok: false, reason: 'no phone column is mapped' };
  const valid: Array<{ e164: string; extension: string }> = [];
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

  const zoneText = cell(mapping.timeZone);
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
      timeZone: normalizeTimeZoneName(zoneText),
      timeZoneInput: zoneText,
      referrer: cell(mapping.referrer),
      reason: cell(mapping.reason),
      notes: cell(mapping.notes),
      doNotCall: false,
    },
  };
}

/** "Smith, Dana" and "Dana Smith" both give ["Dana", "Smith"]. */
function splitFullName(full: string): [string, string] {
  if (full.includes(',')) {
    const [last, first] = full.split(',', 2).map((s) => s.trim());
    return [first ?? '', last ?? ''];
  }
  const space = full.lastIndexOf(' ');
  return space === -1 ? [full, ''] : [full.slice(0, space).trim(), full.slice(space + 1).trim()];
}
