import type { Lead } from '../../../shared/domain.js';
import type { LeadZones } from '../../../shared/schedule.js';
import { normalizeTimeZoneName } from '../timezones/normalize-time-zone.js';
import { zonesForPhone } from '../timezones/phone-zones.js';
import { isKnownZone } from '../timezones/zone-clock.js';
import { placeOfAddress, placesOfNumber } from './places.js';

/** A lead whose zone is unknown: it has no legal window and is refused with that reason, never guessed. */
export const NO_ZONES: LeadZones = { zones: [], ambiguous: false, source: 'default', country: null, places: [] };

export interface ResolveZoneOptions {
  /** Country for numbers written without +country code (Settings.defaultCountry). */
  defaultCountry?: string;
  /** Zone used when neither the import nor the number tells one; without it such a lead has no zone and is never callable. */
  fallbackZone?: string;
}

export type LeadWhereabouts = Pick<Lead, 'phone' | 'timeZone' | 'timeZoneInput'> & Partial<Pick<Lead, 'address'>>;

/**
 * Where a lead is: its candidate time zones and its places (for the law).
 *
 * Zones: the number's candidates (libphonenumber's prefix data) and the
 * imported zone column, both. A zone from the lead's data never replaces the
 * number's: a CRM's zone cell can be wrong or stale, and the law binds where
 * the phone may ring, so a call must be legal in every candidate. The
 * imported zone comes first (it names where the person is, which is what the
 * bands and spoken times are measured in).
 *
 * Places: the number's country and, in North America, its area code's state
 * or province; and the address's State/Country cells. Every candidate is
 * kept; the verdict holds the call to the strictest.
 *
 * Cache the result per lead: it only changes when the lead's phone, zone or address changes.
 */
export async function resolveLeadZones(lead: LeadWhereabouts, options: ResolveZoneOptions = {}): Promise<LeadZones> {
  const phone = await zonesForPhone(lead.phone, options.defaultCountry);
  const numberZones = phone.zones.filter((zone) => !zone.startsWith('Etc/') && isKnownZone(zone));
  const imported = (lead.timeZone && normalizeTimeZoneName(lead.timeZone)) || normalizeTimeZoneName(lead.timeZoneInput ?? '');
  const zones = [...new Set([...(imported ? [imported] : []), ...numberZones])];
  const address = lead.address ? placeOfAddress(lead.address.state, lead.address.country, phone.country) : null;
  const places = [...new Set([...placesOfNumber(lead.phone, phone.country), ...(address?.ok ? address.places : [])])];
  const base = { country: phone.country, places };
  if (zones.length > 0) return { zones, ambiguous: zones.length > 1, source: imported ? 'import' : 'phone', ...base };
  if (options.fallbackZone) return { zones: [options.fallbackZone], ambiguous: false, source: 'default', ...base };
  return { zones: [], ambiguous: false, source: 'default', ...base };
}

/** The zone bands and spoken times are measured in: the first candidate. */
export function referenceZone(zones: LeadZones): string | null {
  return zones.zones[0] ?? null;
}
