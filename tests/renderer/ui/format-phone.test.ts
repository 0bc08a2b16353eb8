import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../../renderer/ui/format-phone.js';

describe('formatPhone', () => {
  it('spaces North American numbers and leaves others as stored', () => {
    expect(formatPhone('+12125550147')).toBe('+1 212 555 0147');
    expect(formatPhone('+442079460018')).toBe('+442079460018');
  });
});
