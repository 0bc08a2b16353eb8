import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURNS_SLOTS, slotAt, slotsBetween, slotsCalendar } from '../../../../main/core/returns/returns-slots.js';
import type { ReturnsSlots } from '../../../../shared/dial-block.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();
const slot = (slots: ReturnsSlots, at: string, zone = NY) => {
  const found = slotAt(slots, zone, ms(at));
  return found && { startsAt: iso(found.startsAt), endsAt: iso(found.endsAt) };
};

describe('returns slots: which slot a waiting call belongs to', () => {
  it('a call during the morning goes to the late-morning slot; during a slot, to that slot; after it, to the afternoon', () => {
    // Tuesday 2026-12-01, New York is UTC-5.
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-12-01T14:10:00Z')).toEqual({ startsAt: '2026-12-01T16:30:00.000Z', endsAt: '2026-12-01T17:00:00.000Z' });
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-12-01T16:45:00Z')).toEqual({ startsAt: '2026-12-01T16:30:00.000Z', endsAt: '2026-12-01T17:00:00.000Z' });
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-12-01T17:00:00Z')).toEqual({ startsAt: '2026-12-01T21:30:00.000Z', endsAt: '2026-12-01T22:00:00.000Z' });
  });

  it('a call in the evening rolls past midnight to the next morning', () => {
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-12-02T01:30:00Z')).toEqual({ startsAt: '2026-12-02T16:30:00.000Z', endsAt: '2026-12-02T17:00:00.000Z' });
  });

  it('a call on Friday evening or the weekend waits for Monday', () => {
    const monday = { startsAt: '2026-12-07T16:30:00.000Z', endsAt: '2026-12-07T17:00:00.000Z' };
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-12-04T23:00:00Z')).toEqual(monday); // Fri 18:00
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-12-05T15:00:00Z')).toEqual(monday); // Sat
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-12-06T22:00:00Z')).toEqual(monday); // Sun 17:00
  });

  it('a slot that runs past midnight holds calls from before and after midnight', () => {
    const late: ReturnsSlots = { '2': [{ start: '23:30', end: '00:30' }] }; // Tuesdays
    const expected = { startsAt: '2026-12-02T04:30:00.000Z', endsAt: '2026-12-02T05:30:00.000Z' };
    expect(slot(late, '2026-12-01T20:00:00Z')).toEqual(expected); // Tue 15:00
    expect(slot(late, '2026-12-02T05:10:00Z')).toEqual(expected); // Wed 00:10, still running
    expect(slot(late, '2026-12-02T05:31:00Z')).toEqual({ startsAt: '2026-12-09T04:30:00.000Z', endsAt: '2026-12-09T05:30:00.000Z' });
  });

  it('slots edited while calls wait: the same waiting call moves to the new slot at once', () => {
    const at = '2026-12-01T14:10:00Z';
    expect(slot(DEFAULT_RETURNS_SLOTS, at)?.startsAt).toBe('2026-12-01T16:30:00.000Z');
    const edited: ReturnsSlots = { ...DEFAULT_RETURNS_SLOTS, '2': [{ start: '10:00', end: '10:15' }] };
    expect(slot(edited, at)).toEqual({ startsAt: '2026-12-01T15:00:00.000Z', endsAt: '2026-12-01T15:15:00.000Z' });
    expect(slot({}, at)).toBeNull();
  });

  it('keeps wall times across the DST change', () => {
    // 2026-11-02 is the Monday after New York falls back (UTC-4 → UTC-5).
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-10-30T12:00:00Z')?.startsAt).toBe('2026-10-30T15:30:00.000Z');
    expect(slot(DEFAULT_RETURNS_SLOTS, '2026-10-31T12:00:00Z')?.startsAt).toBe('2026-11-02T16:30:00.000Z');
  });

  it('a slot on the day the clocks spring forward keeps its wall time, in New York and in Berlin', () => {
    const sundays: ReturnsSlots = { '0': [{ start: '11:30', end: '12:00' }] };
    // New York, Sunday 2026-03-08: 11:30 is EDT (UTC-4), though the Saturday before was EST.
    expect(slot(sundays, '2026-03-07T20:00:00Z')).toEqual({ startsAt: '2026-03-08T15:30:00.000Z', endsAt: '2026-03-08T16:00:00.000Z' });
    // Berlin, Sunday 2026-03-29: 11:30 is CEST (UTC+2).
    expect(slot(sundays, '2026-03-28T12:00:00Z', BERLIN)).toEqual({ startsAt: '2026-03-29T09:30:00.000Z', endsAt: '2026-03-29T10:00:00.000Z' });
  });

  it('a slot starting inside the skipped hour starts when the clocks jump', () => {
    const night: ReturnsSlots = { '0': [{ start: '02:30', end: '03:30' }] };
    // New York jumps from 2:00 EST (07:00Z) to 3:00 EDT; 3:30 EDT is 07:30Z.
    expect(slot(night, '2026-03-07T20:00:00Z')).toEqual({ startsAt: '2026-03-08T07:00:00.000Z', endsAt: '2026-03-08T07:30:00.000Z' });
    // Berlin jumps from 2:00 CET (01:00Z) to 3:00 CEST; 3:30 CEST is 01:30Z.
    expect(slot(night, '2026-03-28T12:00:00Z', BERLIN)).toEqual({ startsAt: '2026-03-29T01:00:00.000Z', endsAt: '2026-03-29T01:30:00.000Z' });
  });

  it('a slot inside the repeated hour of a fall-back night starts at its first reading', () => {
    const night: ReturnsSlots = { '0': [{ start: '02:30', end: '03:00' }] };
    // Berlin, 2026-10-25: 2:30 CEST is 00:30Z; 3:00 comes once, in CET, at 02:00Z.
    expect(slot(night, '2026-10-24T12:00:00Z', BERLIN)).toEqual({ startsAt: '2026-10-25T00:30:00.000Z', endsAt: '2026-10-25T02:00:00.000Z' });
    const ny: ReturnsSlots = { '0': [{ start: '01:30', end: '02:00' }] };
    // New York, 2026-11-01: 1:30 EDT is 05:30Z; 2:00 comes once, in EST, at 07:00Z.
    expect(slot(ny, '2026-10-31T12:00:00Z')).toEqual({ startsAt: '2026-11-01T05:30:00.000Z', endsAt: '2026-11-01T07:00:00.000Z' });
  });

  it('a daily slot keeps its wall time through a week with a DST change', () => {
    const daily: ReturnsSlots = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [{ start: '11:30', end: '12:00' }]]));
    const from = ms('2026-03-05T05:00:00Z'); // Thursday 00:00 in New York
    const found = slotsBetween(daily, NY, from, from + 7 * 86_400_000).map((s) => iso(s.startsAt));
    expect(found).toEqual([
      '2026-03-05T16:30:00.000Z',
      '2026-03-06T16:30:00.000Z',
      '2026-03-07T16:30:00.000Z',
      '2026-03-08T15:30:00.000Z',
      '2026-03-09T15:30:00.000Z',
      '2026-03-10T15:30:00.000Z',
      '2026-03-11T15:30:00.000Z',
    ]);
  });

  it('lists a week of slots and writes them as an iCalendar file', () => {
    const from = ms('2026-11-30T05:00:00Z'); // Monday 00:00 in New York
    expect(slotsBetween(DEFAULT_RETURNS_SLOTS, NY, from, from + 7 * 86_400_000)).toHaveLength(10);
    const ics = slotsCalendar(DEFAULT_RETURNS_SLOTS, NY, from, 7, () => '2 callers waiting: Dana, Omar');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(10);
    expect(ics).toContain('DTSTART:20261130T163000Z');
    expect(ics).toContain('2 callers waiting: Dana\\, Omar');
  });
});
