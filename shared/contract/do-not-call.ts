import type { LegalVerdict } from '../compliance.js';
import { z } from 'zod';
import { call } from './define.js';

/** One number on the imported do-not-call list, with where it came from. */
export interface DoNotCallEntry {
  /** E.164. */
  number: string;
  /** The file it was imported from ("dnc-2026-11.csv"), or how it got there. */
  source: string;
  /** ISO time of the import; empty for numbers imported before Dialdesk kept it. */
  addedAt: string;
}

/**
 * The list file could not be read and was set aside. Until the rep imports the
 * list again or acknowledges the loss, the dial gate refuses every number.
 */
export interface DoNotCallDamage {
  detectedAt: string;
  /** Where the unreadable file was kept. */
  keptAs: string;
  /** How many numbers the unreadable file held, as far as they could be counted in it. */
  numbersOnIt: number;
  reason: string;
}

export interface DoNotCallPage {
  /** Entries matching the query. */
  total: number;
  /** Numbers on the whole list. */
  count: number;
  offset: number;
  entries: DoNotCallEntry[];
  damage: DoNotCallDamage | null;
}

/**
 * The dial gate's verdict on one number at one instant: what support reads to
 * answer a complaint, and what `cli check --json` prints.
 */
export interface NumberCheck {
  allowed: boolean;
  /** Why it is refused, or what made it allowed (zone, local time, window). */
  reason: string;
  /** The number as dialled, E.164. */
  number: string;
  /** The lead the number belongs to (the attempt lands on it), null for a number of no lead. */
  leadId: string | null;
  /** Every lead that has this number (main or other phone). */
  owners: Array<{ id: string; name: string }>;
  /** The zones the window was applied in. */
  zones: string[];
  /** The local time in the first zone, ISO 8601 with its offset; null when no zone is known. */
  localTime: string | null;
  /** The law alone (hours, days, holidays, caps, do-not-call): the rep's own hours and windows are in `allowed`. */
  legal: LegalVerdict;
}

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number such as +15125550182');

export const doNotCallCalls = {
  /** The dial gate on a number, without dialling: allowed or refused and why. */
  checkNumber: call<NumberCheck>()(
    z
      .object({
        number: e164,
        leadId: z.string().min(1).max(64).nullable().default(null),
        /** ISO instant to check at; now when absent. */
        at: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
  ),
  listDoNotCall: call<DoNotCallPage>()(
    z
      .object({
        query: z.string().max(200).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  importDoNotCall: call<{ total: number; added: number; rejected: Array<{ row: number; reason: string }> }>()(
    z
      .object({
        fileName: z.string().min(1).max(260),
        contentBase64: z.string().max(60_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64 content'),
      })
      .strict(),
  ),
  /** Takes a number off the list. `confirm` is the number typed again by the rep; the removal is logged. */
  removeDoNotCall: call<DoNotCallPage>()(z.object({ number: e164, confirm: z.string().min(1).max(40) }).strict()),
  /** The rep accepts that the damaged list's numbers are gone (after the screen showed how many); dialling resumes. */
  acknowledgeDoNotCallDamage: call<null>()(z.object({ confirm: z.literal(true) }).strict()),
};
