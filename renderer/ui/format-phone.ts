import { useCallback } from 'react';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { useSettings } from './use-settings.js';

/** How a phone number is shown on every screen (lead list, lead detail, focus view); dates and times are in ui/format-time.ts. */

/**
 * "+1 212 555 0147" style spacing for North American numbers; a number of the rep's own country
 * (`ownCountry`, their default country) in that country's national format ("020 7946 0958");
 * others as stored.
 */
export function formatPhone(e164: string, ownCountry?: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}`;
  if (ownCountry) {
    const parsed = parsePhoneNumberFromString(e164);
    if (parsed?.country === ownCountry) return parsed.formatNational();
  }
  return e164;
}

/** formatPhone with the rep's own country from Settings. */
export function usePhoneFormat(): (e164: string) => string {
  const country = useSettings()?.defaultCountry;
  return useCallback((e164: string) => formatPhone(e164, country), [country]);
}
