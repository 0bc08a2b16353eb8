import { describe, expect, it } from 'vitest';
import { zonesForPhone } from '../../../../main/core/timezones/phone-zones.js';
import { zonesForPhoneViaLibrary } from '../../../support/phone-zones-via-library.js';
import { resolveLeadZones } from '../../../../main/core/compliance/resolve-lead-zones.js';

const lead = (phone: string, timeZoneInput = '', timeZone: string | null = null) => ({ phone, timeZoneInput, timeZone });

describe('resolveLeadZones', () => {
  it('prefers the imported column, normalised', async () => {
    expect(await resolveLeadZones(lead('+12125550100', 'Pacific Time (US & Canada)'))).toEqual({
      zones: ['America/Los_Angeles'],
      ambiguous: false,
      source: 'import',
      country: 'US',
    });
    expect((await resolveLeadZones(lead('+12125550100', 'whatever', 'America/Denver'))).zones).toEqual(['America/Denver']);
  });

  it('infers a +1 number from its area code', async () => {
    expect(await resolveLeadZones(lead('+13125550100'))).toEqual({
      zones: ['America/Chicago'],
      ambiguous: false,
      source: 'phone',
      country: 'US',
    });
    expect((await resolveLeadZones(lead('+17025550100'))).zones).toEqual(['America/Los_Angeles']);
    expect((await resolveLeadZones(lead('+442079460000'))).zones).toEqual(['Europe/London']);
  });

  it('marks an area code spanning several zones ambiguous', async () => {
    const zones = await resolveLeadZones(lead('+12085550100'));
    expect(zones.ambiguous).toBe(true);
    expect(zones.zones).toEqual(['America/Boise', 'America/Los_Angeles']);
  });

  it('falls back to the given zone when nothing is known', async () => {
    expect(await resolveLeadZones(lead('not a number'), { fallbackZone: 'America/Chicago' })).toEqual({
      zones: ['America/Chicago'],
      ambiguous: false,
      source: 'default',
      country: null,
    });
    expect((await resolveLeadZones(lead('not a number'))).zones).toEqual([]);
  });

  it('gives the same zones as the library call it accelerates', async () => {
    const numbers = ['+12125550100', '+19075550100', '+16055550100', '+18005550100', '+61212345678', '+79161234567', '+33142685300', '+5511987654321'];
    for (const number of numbers) {
      expect((await zonesForPhone(number)).zones).toEqual(await zonesForPhoneViaLibrary(number));
    }
  });
});
