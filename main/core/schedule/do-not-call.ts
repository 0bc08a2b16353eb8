/**
 * Imported do-not-call lists: a CSV of numbers (any column layout; every cell
 * that parses as a valid number counts), normalised to E.164 so they match
 * Lead.phone.
 */
import Papa from 'papaparse';
import { parsePhone } from '../timezones/phone-zones.js';
import { isoDateOfDay, localDay } from '../timezones/zone-clock.js';
import { digitsOf } from '../../../shared/digits.js';

export interface DoNotCallList {
  has(e164: string): boolean;
  readonly size: number;
  /** Which list holds the number when it is not the imported one (a team's: "your team's do-not-call list since …"). */
  whereListed?(e164: string): string | null;
}

/** The refusal for a listed number, naming the list that holds it. */
export function listedReason(list: DoNotCallList, e164: string): string {
  return `Do not call: ${e164} is on ${list.whereListed?.(e164) ?? 'the imported do-not-call list'}`;
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
      if (!/^[+()\d\s.\-/]+$/.test(value) || digitsOf(value).length < 5) continue;
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

export function createDoNotCallList(numbers: Iterable<string>, whereListed?: (e164: string) => string | null): DoNotCallList {
  const set = new Set(numbers);
  return { has: (e164) => set.has(e164), size: set.size, whereListed };
}

/** What the history says about a lead's own opt-out (a `do-not-call` outcome). */
export interface OptOut {
  optedOut: boolean;
  /** When it was recorded (epoch ms), when known. */
  since: number | null;
}

/** The opt-out a lead's folded rotation state and summary record; either one is enough. */
export function optOutOf(state: { status: string; doNotCallSince?: number | null } | undefined | null, summaryOptedOut = false): OptOut {
  const byState = state?.status === 'do-not-call';
  return { optedOut: byState || summaryOptedOut, since: byState ? (state?.doNotCallSince ?? null) : null };
}

/**
 * THE do-not-call rule, the one place that decides it: a lead is never queued,
 * planned or dialled when it opted out (an outcome), is marked do-not-call,
 * or its number is on the imported list. Returns the reason, or null when the
 * lead may be called as far as do-not-call goes (the calling window is the
 * dial gate's other half). Lists, exports, stats, the planner and the dial
 * gate all ask this (main/core/calling/dial-gate.ts binds it to the store).
 */
export function doNotCallReason(
  lead: { phone: string; doNotCall: boolean },
  optOut: OptOut,
  list: DoNotCallList | null | undefined,
  /** Dates in reasons are written in this zone (the rep's); UTC when absent. */
  dateZone = 'UTC',
): string | null {
  if (optOut.optedOut) {
    const since = optOut.since !== null ? ` on ${isoDateOfDay(localDay(dateZone, optOut.since))}` : '';
    return `Do not call: opted out${since}`;
  }
  if (lead.doNotCall) return 'Do not call: the lead is marked do-not-call';
  if (list?.has(lead.phone)) return listedReason(list, lead.phone);
  return null;
}

/** `doNotCallReason(...) !== null`, for callers holding a rotation state. */
export function isDoNotCall(
  lead: { phone: string; doNotCall: boolean },
  state: { status: string; doNotCallSince?: number | null } | undefined | null,
  list?: DoNotCallList | null,
  summaryOptedOut = false,
): boolean {
  return doNotCallReason(lead, optOutOf(state, summaryOptedOut), list) !== null;
}
