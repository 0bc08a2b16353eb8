import { describe, expect, it } from 'vitest';
import { normalizeTimeZoneName } from '../../../../main/core/timezones/normalize-time-zone.js';

describe('normalizeTimeZoneName', () => {
  it.each([
    ['America/Chicago', 'America/Chicago'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Eastern Time (US & Canada)', 'America/New_York'],
    ['(GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['Central Time (US & Canada)', 'America/Chicago'],
    ['Mountain Time (US & Canada)', 'America/Denver'],
    ['Pacific Time (US & Canada)', 'America/Los_Angeles'],
    ['EST', 'America/New_York'],
    ['EDT', 'America/New_York'],
    ['ET', 'America/New_York'],
    ['CST', 'America/Chicago'],
    ['MST', 'America/Denver'],
    ['PST', 'America/Los_Angeles'],
    ['Pacific', 'America/Los_Angeles'],
    ['Eastern', 'America/New_York'],
    ['Arizona', 'America/Phoenix'],
    ['Hawaii', 'Pacific/Honolulu'],
    ['Alaska', 'America/Anchorage'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['London', 'Europe/London'],
    ['UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['UTC-05:00', 'Etc/GMT+5'],
    ['  central  ', 'America/Chicago'],
  ])('%s → %s', (raw, zone) => {
    expect(normalizeTimeZoneName(raw)).toBe(zone);
  });

  it.each(['', 'nonsense', 'Mars/Olympus', 'UTC+99'])('rejects %j', (raw) => {
    expect(normalizeTimeZoneName(raw)).toBeNull();
  });
});
