import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * The caller's number from an inbound From URI user part, as E.164 when it parses ("+1555…",
 * "001555…", or national digits in the rep's country), else as received so nothing is lost.
 */
export function callerNumber(user: string, defaultCountry: string): string {
  const cleaned = user.replace(/[\s().-]/g, '');
  if (!/^\+?\d{4,20}$/.test(cleaned)) return user;
  const international = cleaned.startsWith('00') ? `+${cleaned.slice(2)}` : cleaned;
  const parsed = parsePhoneNumberFromString(international, defaultCountry as CountryCode);
  return parsed?.isPossible() ? parsed.number : user;
}
