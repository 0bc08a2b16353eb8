import { describe, expect, it } from 'vitest';
import { localDay, localMinuteOfDay, localSpans } from '../../../../main/core/timezones/zone-clock.js';

const utc = (iso: string) => Date.parse(iso);
// The local day holding noon UTC of `iso`'s date (the same date from Hawaii to Lord Howe).
const day = (zone: string, iso: string) => localDay(zone, utc(iso));
const spans = (zone: string, date: string, start: string, end: string) =>
  localSpans(zone, day(zone, `${date}T12:00:00Z`), minutes(start), minutes(end)).map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

describe('localSpans', () => {
  it('is one span on an ordinary day', () => {
    expect(spans('America/Chicago', '2025-03-12', '08:00', '21:00')).toEqual([['2025-03-12T13:00:00.000Z', '2025-03-13T02:00:00.000Z']]);
  });

  it('leaves out the wall times a fall-back repeats outside the window (Lord Howe: 02:00 becomes 01:30)', () => {
    // 01:45–02:00 local on 6 April 2025: first at +11 (14:45–15:00 UTC on the 5th), then again at +10:30 (15:15–15:30).
    expect(spans('Australia/Lord_Howe', '2025-04-06', '01:45', '02:00')).toEqual([
      ['2025-04-05T14:45:00.000Z', '2025-04-05T15:00:00.000Z'],
      ['2025-04-05T15:15:00.000Z', '2025-04-05T15:30:00.000Z'],
    ]);
  });

  it('splits a window a US fall-back runs through, and every instant in it reads inside the window', () => {
    const zone = 'America/New_York';
    const result = localSpans(zone, day(zone, '2025-11-02T12:00:00Z'), minutes('01:30'), minutes('02:30'));
    expect(result.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()])).toEqual([
      ['2025-11-02T05:30:00.000Z', '2025-11-02T06:00:00.000Z'],
      ['2025-11-02T06:30:00.000Z', '2025-11-02T07:30:00.000Z'],
    ]);
    for (const { start, end } of result) {
      for (let at = start; at < end; at += 60_000) expect(localMinuteOfDay(zone, at)).toBeGreaterThanOrEqual(minutes('01:30'));
    }
  });

  it('stays whole across a spring-forward gap', () => {
    // 01:30 EST is 06:30 UTC; 03:30 EDT is 07:30 UTC: the skipped hour takes no time.
    expect(spans('America/New_York', '2025-03-09', '01:30', '03:30')).toEqual([['2025-03-09T06:30:00.000Z', '2025-03-09T07:30:00.000Z']]);
  });
});
