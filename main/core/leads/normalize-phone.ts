import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { digitsOf } from '../../../shared/digits.js';

export type PhoneResult = { ok: true; e164: string; extension: string; country: string | null } | { ok: false; reason: string };

/**
 * E.164 for dialling, with the extension kept apart (dialled as DTMF after
 * connecting). Numbers written without a country code take the rep's default
 * country. Uses libphonenumber's full metadata so "valid" means a number that
 * can exist, not just one of the right length.
 */
export function normalizePhone(raw: string, defaultCountry: string, extensionColumn = ''): PhoneResult {
  // Spreadsheets and CRMs (Apollo) prefix numbers with ' or = "…" so Excel keeps them as text.
  const text = raw.trim().replace(/^'+/, '').replace(/^="(.*)"$/, '$1').trim();
  if (text === '') return { ok: false, reason: 'no phone number' };
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: defaultCountry as CountryCode, extract: false });
  if (!parsed || !parsed.isValid()) {
    return { ok: false, reason: `"${text}" is not a valid phone number${text.startsWith('+') ? '' : ` for ${defaultCountry}`}` };
  }
  const extension = (parsed.ext ?? digitsOf(extensionColumn)) || '';
  return { ok: true, e164: parsed.number, extension, country: parsed.country ?? null };
}

/**
 * Why the rep's callback number cannot go in a voicemail (null when it can): the same libphonenumber
 * check a lead's number passes, in the rep's default country for a number written without a code.
 */
export function callbackNumberProblem(raw: string, defaultCountry: string): string | null {
  const result = normalizePhone(raw, defaultCountry);
  return result.ok ? null : `${result.reason}: a lead could not call it back. Write it as you would dial it, e.g. +1 512 555 0182.`;
}
