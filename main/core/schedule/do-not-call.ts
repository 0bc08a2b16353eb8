/**
 * Imported do-not-call lists: a CSV of numbers (any column layout; every cell
 * that parses as a valid number counts), normalised to E.164 so they match
 * Lead.phone.
 */
import Papa from 'papaparse';
import { parsePhone } from '../timezones/phone-zones.js';

export interface DoNotCallList {
  has(e164: string): boolean;
  readonly size: number;
}

export interface DoNotCallImport {
  /** Valid numbers, E.164, de-duplicated, in file order. */
  numbers: string[];
  /** Cells that looked like a number but did not parse (row is 1-based, as in a spreadsheet). */
  rejected: { row: number; value: string; reason: string }[];
}

/** Parses a do-not-call CSV. `defaultCountry` is used for numbers written without +country code. */
export function parseDoNotCallCsv(text: string, defaultCountry: string): DoNotCallImport {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const seen = new Set<string>();
  const numbers: string[] = [];
  const rejected: DoNotCallImport['rejected'] = [];
  parsed.data.forEach((cells, index) => {
    for (const cell of cells) {
      const value = cell.trim();
      // Headers, names and notes are not numbers; only cells made of phone characters are tried.
      if (!/^[+()\d\s.\-/]+$/.test(value) || value.replace(/\D/g, '').length < 5) continue;
      const phone = parsePhone(value, defaultCountry);
      if (!phone || !phone.isValid()) {
        rejected.push({ row: index + 1, value, reason: 'not a valid phone number' });
        continue;
      }
      if (!seen.has(phone.number)) {
        seen.add(phone.number);
        numbers.push(phone.number);
      }
    }
  });
  return { numbers, rejected };
}

export function createDoNotCallList(numbers: Iterable<string>): DoNotCallList {
  const set = new Set(numbers);
  return { has: (e164) => set.has(e164), size: set.size };
}

/** Whether the lead must never be queued or dialled: marked, opted out, or on the imported list. */
export function isDoNotCall(
  lead: { phone: string; doNotCall: boolean },
  state: { status: string } | undefined | null,
  list?: DoNotCallList | null,
): boolean {
  return lead.doNotCall || state?.status === 'do-not-call' || (list?.has(lead.phone) ?? false);
}
