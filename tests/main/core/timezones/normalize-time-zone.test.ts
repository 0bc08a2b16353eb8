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

  // The sign is a sign: "−" (U+2212) and "-" read alike, and offsets past ±14 or off the hour are no fixed zone.
  it.each([
    ['UTC−05:00', 'Etc/GMT+5'],
    ['GMT+14', 'Etc/GMT-14'],
    ['-0500', 'Etc/GMT+5'],
  ])('%s → %s', (raw, zone) => {
    expect(normalizeTimeZoneName(raw)).toBe(zone);
  });

  // Cells a CRM really exports that name no zone: read once as UTC−2 ("12"), they let a New York lead be called at 5:30.
  it.each(['', 'nonsense', 'Mars/Olympus', 'UTC+99', '12', '5', '0', '2:00', '*5', '~3', '=-5', 'GMT*5', 'x'.repeat(101), '\u0000EST', 'E\uFFFDST', 'UTC+05:30x'])(
    'rejects %j',
    (raw) => {
      expect(normalizeTimeZoneName(raw)).toBeNull();
    },
  );

  it('answers a 64 KB cell without looking it up, and keeps answering after a file of unique junk', () => {
    expect(normalizeTimeZoneName(`Eastern Time ${'(US & Canada) '.repeat(4_700)}`)).toBeNull();
    for (let i = 0; i < 12_000; i++) normalizeTimeZoneName(`zone-${i}`);
    expect(normalizeTimeZoneName('Pacific Time (US & Canada)')).toBe('America/Los_Angeles');
  });
});
