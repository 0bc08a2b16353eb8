import { describe, expect, it } from 'vitest';
import { workingIntervals, type RepCalendar } from '../../../../main/core/schedule/calling-window.js';
import { localMinuteOfDay } from '../../../../main/core/timezones/zone-clock.js';

describe('workingIntervals', () => {
  it('holds only the rep\'s hours on a night the clocks fall back through them', () => {
    // Found by the planner's property test: Lord Howe's 02:00 becomes 01:30 on Sunday 6 April 2025, so a rep
    // working 01:45–02:00 works two quarter hours, and the repeated 01:30–01:45 between them is not working time.
    const rep: RepCalendar = { repTimeZone: 'Australia/Lord_Howe', workingHours: { start: '01:45', end: '02:00', days: [0] }, daysOff: [] };
    const from = Date.parse('2025-04-02T00:06:00Z');
    const intervals = workingIntervals(rep, from, from + 7 * 86_400_000);
    expect(intervals.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])).toEqual([
      ['2025-04-05T14:45:00.000Z', '2025-04-05T15:00:00.000Z'],
      ['2025-04-05T15:15:00.000Z', '2025-04-05T15:30:00.000Z'],
    ]);
    for (const { start, end } of intervals) {
      for (let at = start; at < end; at += 60_000) expect(localMinuteOfDay(rep.repTimeZone, at)).toBeGreaterThanOrEqual(105);
    }
  });
});
