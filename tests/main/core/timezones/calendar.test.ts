import { describe, expect, it } from 'vitest';
import { atWallMinute, dayIn, weekdayName } from '../../../../main/core/timezones/calendar.js';

const iso = (date: Date) => new Date(date.getTime()).toISOString();

describe('calendar arithmetic in a zone', () => {
  it('finds local midnight of the day an instant falls on, on a DST day too', () => {
    // 03:00Z on 2026-03-08 is still Saturday evening in New York.
    expect(iso(dayIn('America/New_York', Date.parse('2026-03-08T03:00:00Z')))).toBe('2026-03-07T05:00:00.000Z');
    expect(iso(dayIn('America/New_York', Date.parse('2026-03-08T20:00:00Z')))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(dayIn('Europe/Berlin', Date.parse('2026-10-25T20:00:00Z')))).toBe('2026-10-24T22:00:00.000Z');
  });

  it('reads a wall minute on a day: plain, "24:00", skipped and repeated times', () => {
    const springNY = dayIn('America/New_York', Date.parse('2026-03-08T12:00:00Z'));
    expect(iso(atWallMinute(springNY, 9 * 60))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(atWallMinute(springNY, 1440))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(atWallMinute(springNY, 2 * 60 + 15))).toBe('2026-03-08T07:00:00.000Z');
    const fallBerlin = dayIn('Europe/Berlin', Date.parse('2026-10-25T12:00:00Z'));
    expect(iso(atWallMinute(fallBerlin, 2 * 60 + 30))).toBe('2026-10-25T00:30:00.000Z');
    // Lord Howe moves its clocks by half an hour: 2:00 at UTC+10:30 becomes 2:30 at UTC+11.
    const lordHowe = dayIn('Australia/Lord_Howe', Date.parse('2026-10-04T06:00:00Z'));
    expect(iso(atWallMinute(lordHowe, 2 * 60 + 15))).toBe('2026-10-03T15:30:00.000Z');
  });

  it('names weekdays from the date-fns locale', () => {
    expect(weekdayName(0)).toBe('Sunday');
    expect(weekdayName(2, 'abbreviated')).toBe('Tue');
  });
});
