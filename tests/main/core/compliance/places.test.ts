import { describe, expect, it } from 'vitest';
import { placeOfAddress, placesOfNumber } from '../../../../main/core/compliance/places.js';

describe('placeOfAddress: CRM address cells as they really come', () => {
  it.each([
    ['  fl ', '', 'US', ['US-FL']],
    ['US-FL', '', 'US', ['US-FL']],
    ['Florida', 'U.S.A.', null, ['US-FL']],
    ['Québec', 'Canada', 'US', ['CA-QC']],
    ['quebec', 'CA', null, ['CA-QC']],
    ['', 'Great Britain', 'US', ['GB']],
    ['', 'France', null, ['FR']],
    ['', '', 'US', []],
  ] as const)('%j, %j (number in %s) → %j', (state, country, numberCountry, places) => {
    expect(placeOfAddress(state, country, numberCountry)).toEqual({ ok: true, places: [...places] });
  });

  it.each([
    ['Fl\uFFFDrida', '', 'US', /state "Fl\uFFFDrida" is not a state or province of United States/],
    ['FL\u0000', '', 'US', /is not a state or province/],
    ['Florida', 'Atlantis', 'US', /country "Atlantis" is not a country/],
    ['Bavaria', '', null, /cannot be placed without a country/],
    ['x'.repeat(5000), '', 'US', /state "x{40}…" is not/],
  ] as const)('refuses %j, %j, never guessing', (state, country, numberCountry, reason) => {
    const place = placeOfAddress(state, country, numberCountry);
    expect(place.ok).toBe(false);
    if (!place.ok) expect(place.reason).toMatch(reason);
  });
});

describe('placesOfNumber', () => {
  it('places a North American number by its area code and refuses what no area code places', () => {
    expect(placesOfNumber('+13055550123', 'US')).toEqual(['US-FL']);
    expect(placesOfNumber('+19025550123', 'CA')).toEqual(['CA-NS', 'CA-PE']);
    expect(placesOfNumber('+18005550100', 'US')).toEqual([]);
    // The number's own country is what counts: a +1 Caribbean number is its island, not a state.
    expect(placesOfNumber('+18765550123', 'JM')).toEqual(['JM']);
    expect(placesOfNumber('+13055550123', null)).toEqual([]);
  });
});
