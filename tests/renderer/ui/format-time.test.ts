import { describe, expect, it } from 'vitest';
import {
  clockTime,
  formatDateTime,
  formatShortDate,
  formatSpan,
  instantOfLocalInput,
  isoDate,
  lastDays,
  localTimeIn,
  WEEKDAY_NAMES,
  weekdayName,
  weekdayTimeIn,
} from '../../../renderer/ui/format-time.js';

const NY = 'America/New_York';

describe('format-time: what the screens show', () => {
  it('writes instants in a zone, on both sides of a DST change', () => {
    expect(formatDateTime('2026-12-01T19:05:00Z', NY)).toBe('Dec 1, 2026, 2:05 PM');
    expect(formatDateTime('2026-03-08T06:59:00Z', NY)).toBe('Mar 8, 2026, 1:59 AM');
    expect(formatDateTime('2026-03-08T07:00:00Z', NY)).toBe('Mar 8, 2026, 3:00 AM');
    expect(formatDateTime('not a date', NY)).toBe('not a date');
    expect(formatShortDate('2026-12-01T03:00:00Z', NY)).toBe('Nov 30');
    expect(formatShortDate(null)).toBe('—');
    expect(clockTime('2026-12-01T19:05:00Z', 'Europe/Berlin')).toBe('20:05');
    expect(localTimeIn(NY, Date.parse('2026-07-01T15:00:00Z'))).toBe('11:00 AM');
    expect(localTimeIn('Not/AZone', Date.parse('2026-07-01T15:00:00Z'))).toBeNull();
    expect(localTimeIn(null)).toBeNull();
    expect(weekdayTimeIn(NY, '2026-12-01T15:00:00Z')).toBe('Tue 10:00 AM');
  });

  it('writes a slot as its day and wall-clock span in the rep\'s zone', () => {
    expect(formatSpan('2026-12-01T11:30:00-05:00', '2026-12-01T12:00:00-05:00', NY)).toBe('Tue, Dec 1, 11:30–12:00');
    expect(formatSpan('2026-10-25T02:30:00+02:00', '2026-10-25T03:00:00+01:00', 'Europe/Berlin')).toBe('Sun, Oct 25, 02:30–03:00');
  });

  it('counts calendar days in the rep\'s zone: late evening in New York is not tomorrow yet', () => {
    const lateEvening = Date.parse('2026-12-02T02:00:00Z'); // Tue 21:00 in New York
    expect(isoDate(lateEvening, NY)).toBe('2026-12-01');
    expect(lastDays(1, lateEvening, NY)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(lastDays(7, lateEvening, NY)).toEqual({ from: '2026-11-25', to: '2026-12-01' });
    // A week back across the spring-forward Sunday is still seven calendar days.
    expect(lastDays(7, Date.parse('2026-03-10T12:00:00Z'), NY)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
  });

  it('reads a datetime-local field as a wall time in the rep\'s zone', () => {
    expect(instantOfLocalInput('2026-12-01T16:30', NY)).toBe('2026-12-01T21:30:00.000Z');
    expect(instantOfLocalInput('2026-07-01T16:30', 'Europe/Berlin')).toBe('2026-07-01T14:30:00.000Z');
    expect(instantOfLocalInput('tomorrow', NY)).toBeNull();
  });

  it('names weekdays from the locale', () => {
    expect(WEEKDAY_NAMES).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(weekdayName(6, 'abbreviated')).toBe('Sat');
  });
});
