import { describe, expect, it } from 'vitest';
import { zonesForPhone } from '../../../../main/core/timezones/phone-zones.js';
import { zonesForPhoneViaLibrary } from '../../../support/phone-zones-via-library.js';
import { resolveLeadZones } from '../../../../main/core/compliance/resolve-lead-zones.js';

const lead = (phone: string, timeZoneInput = '', timeZone: string | null = null) => ({ phone, timeZoneInput, timeZone });

describe('resolveLeadZones', () => {
  it("adds the imported column, normalised, to the number's zones and never replaces them", async () => {
    // The CRM says Pacific, the number rings in New York: a call must be legal in both; the lead's own zone leads.
    expect(await resolveLeadZones(lead('+12125550100', 'Pacific Time (US & Canada)'))).toEqual({
      zones: ['America/Los_Angeles', 'America/New_York'],
      ambiguous: true,
      source: 'import',
      country: 'US',
      places: ['US-NY'],
    });
    expect((await resolveLeadZones(lead('+12125550100', 'whatever', 'America/Denver'))).zones).toEqual(['America/Denver', 'America/New_York']);
    // A cell that is no zone adds nothing: "12" once read as UTC−2 let a New York number be called at 5:30.
    expect((await resolveLeadZones(lead('+12125550100', '12'))).zones).toEqual(['America/New_York']);
  });

  it("places a lead by its number's area code and by its address, keeping every candidate", async () => {
    const whereabouts = (phone: string, state: string, country = '') => ({ ...lead(phone), address: { state, country } });
    expect((await resolveLeadZones(lead('+13055550123'))).places).toEqual(['US-FL']);
    expect((await resolveLeadZones(lead('+14165550123'))).places).toEqual(['CA-ON']);
    expect((await resolveLeadZones(lead('+61255550123'))).places).toEqual(['AU']);
    expect((await resolveLeadZones(whereabouts('+12125550101', 'Florida'))).places).toEqual(['US-NY', 'US-FL']);
    expect((await resolveLeadZones(whereabouts('+12125550101', 'TX', 'United States'))).places).toEqual(['US-NY', 'US-TX']);
    // Toll-free numbers ring nowhere in particular: unplaced, unless the address places the lead.
    expect((await resolveLeadZones(lead('+18005550100'))).places).toEqual([]);
    expect((await resolveLeadZones(whereabouts('+18005550100', 'Utah'))).places).toEqual(['US-UT']);
  });

  it('infers a +1 number from its area code', async () => {
    expect(await resolveLeadZones(lead('+13125550100'))).toEqual({
      zones: ['America/Chicago'],
      ambiguous: false,
      source: 'phone',
      country: 'US',
      places: ['US-IL'],
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
      places: [],
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
