import type { Lead } from '../../../shared/domain.js';
import type { LeadZones } from '../../../shared/schedule.js';
import { normalizeTimeZoneName } from './normalize-time-zone.js';
import { zonesForPhone } from './phone-zones.js';

/** A lead whose zone is unknown: it has no legal window and is refused with that reason, never guessed. */
export const NO_ZONES: LeadZones = { zones: [], ambiguous: false, source: 'default', country: null };

export interface ResolveZoneOptions {
  /** Country for numbers written without +country code (Settings.defaultCountry). */
  defaultCountry?: string;
  /** Zone used when neither the import nor the number tells one; without it such a lead has no zone and is never callable. */
  fallbackZone?: string;
}

/**
 * A lead's time zones: the imported column first (Lead.timeZone, else the raw
 * Lead.timeZoneInput normalised), else the phone number's candidates. Several
 * candidates mark the lead ambiguous; the calling window is then the
 * intersection of theirs. Cache the result per lead: it only changes when the
 * lead's phone or zone column changes.
 */
export async function resolveLeadZones(
  lead: Pick<Lead, 'phone' | 'timeZone' | 'timeZoneInput'>,
  options: ResolveZoneOptions = {},
): Promise<LeadZones> {
  const phone = await zonesForPhone(lead.phone, options.defaultCountry);
  const imported = (lead.timeZone && normalizeTimeZoneName(lead.timeZone)) || normalizeTimeZoneName(lead.timeZoneInput ?? '');
  if (imported) return { zones: [imported], ambiguous: false, source: 'import', country: phone.country };
  if (phone.zones.length > 0) {
    return { zones: phone.zones, ambiguous: phone.zones.length > 1, source: 'phone', country: phone.country };
  }
  if (options.fallbackZone) return { zones: [options.fallbackZone], ambiguous: false, source: 'default', country: phone.country };
  return { zones: [], ambiguous: false, source: 'default', country: phone.country };
}

/** The zone bands and spoken times are measured in: the first candidate. */
export function referenceZone(zones: LeadZones): string | null {
  return zones.zones[0] ?? null;
}
