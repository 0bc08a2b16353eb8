import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../../renderer/ui/format-phone.js';

describe('formatPhone', () => {
  it('spaces North American numbers and leaves others as stored', () => {
    expect(formatPhone('+12125550147')).toBe('+1 212 555 0147');
    expect(formatPhone('+442079460018')).toBe('+442079460018');
  });

  it("writes a number of the rep's own country in its national format, any other as before", () => {
    expect(formatPhone('+442079460958', 'GB')).toBe('020 7946 0958');
    expect(formatPhone('+4930901820', 'DE')).toBe('030 901820');
    expect(formatPhone('+442079460958', 'DE')).toBe('+442079460958');
    // North American numbers keep the lead list's spacing for a US rep too.
    expect(formatPhone('+18025550115', 'US')).toBe('+1 802 555 0115');
    expect(formatPhone('not a number', 'GB')).toBe('not a number');
  });
});
