import { describe, expect, it } from 'vitest';
import { zonedParts } from '../../../renderer/ui/format-time.js';
import { clockToMinutes, minuteOfDay, minutesToClock } from '../../../renderer/schedule/zoned-time.js';

describe('zoned time', () => {
  it('reads the wall clock in the lead\'s zone, across a DST change', () => {
    expect(zonedParts('2026-12-01T15:00:00Z', 'America/New_York')).toEqual({ date: '2026-12-01', weekday: 2, hour: 10, minute: 0 });
    expect(minuteOfDay('2026-07-01T15:00:00Z', 'America/New_York')).toBe(11 * 60);
    expect(minuteOfDay('2026-12-01T00:30:00Z', 'America/Los_Angeles')).toBe(16 * 60 + 30);
    expect(minuteOfDay('2026-12-01T00:00:00Z', 'Not/AZone')).toBeNull();
  });

  it('converts clock text both ways', () => {
    expect(clockToMinutes('08:15')).toBe(495);
    expect(clockToMinutes('24:00')).toBe(1440);
    expect(clockToMinutes('8h')).toBeNaN();
    expect(minutesToClock(495)).toBe('8:15');
  });
});
