import { describe, expect, it } from 'vitest';
import { capsNotBefore, legalIntervals, legalVerdict, verdictText, type LegalSubject } from '../../../../main/core/compliance/legal-calendar.js';
import { JURISDICTIONS } from '../../../../main/core/compliance/jurisdiction-rules.js';

/** One row: a place in a zone at a local wall time (an ISO instant with its offset), and what the law says. */
interface Row {
  what: string;
  places: string[];
  zone: string;
  at: string;
  allowed: boolean;
  jurisdiction?: string;
  rule?: RegExp | string;
}

const ms = (iso: string) => Date.parse(iso);
const verdictOf = (row: Pick<Row, 'places' | 'zone' | 'at'>, recentCalls: number[] = []) =>
  legalVerdict({ places: row.places, zones: [row.zone], recentCalls }, ms(row.at));

// Dates: Wed 13 Jan 2027 (EST/CET/AEDT), Sat 16, Sun 17; Wed 14 Jul 2027 for summer time.
const NY = 'America/New_York';
const rows: Row[] = [
  // US federal: 8:00–21:00, every day.
  { what: 'US federal 7:59', places: ['US-NY'], zone: NY, at: '2027-01-13T07:59:00-05:00', allowed: false, jurisdiction: 'US', rule: 'Calls 8:00–21:00 local time' },
  { what: 'US federal 8:00', places: ['US-NY'], zone: NY, at: '2027-01-13T08:00:00-05:00', allowed: true },
  { what: 'US federal 20:59', places: ['US-NY'], zone: NY, at: '2027-01-13T20:59:00-05:00', allowed: true },
  { what: 'US federal 21:00', places: ['US-NY'], zone: NY, at: '2027-01-13T21:00:00-05:00', allowed: false, jurisdiction: 'US' },
  { what: 'US federal Sunday', places: ['US-NY'], zone: NY, at: '2027-01-17T12:00:00-05:00', allowed: true },
  // Florida, Oklahoma, Maryland, Washington: 8:00–20:00.
  ...(
    [
      ['US-FL', NY],
      ['US-OK', 'America/Chicago'],
      ['US-MD', NY],
      ['US-WA', 'America/Los_Angeles'],
    ] as const
  ).flatMap(([place, zone]): Row[] => {
    const offset = { [NY]: '-05:00', 'America/Chicago': '-06:00', 'America/Los_Angeles': '-08:00' }[zone];
    return [
      { what: `${place} 7:59`, places: [place], zone, at: `2027-01-13T07:59:00${offset}`, allowed: false, jurisdiction: place },
      { what: `${place} 8:00`, places: [place], zone, at: `2027-01-13T08:00:00${offset}`, allowed: true },
      { what: `${place} 19:59`, places: [place], zone, at: `2027-01-13T19:59:00${offset}`, allowed: true },
      { what: `${place} 20:00`, places: [place], zone, at: `2027-01-13T20:00:00${offset}`, allowed: false, jurisdiction: place, rule: 'Calls 8:00–20:00 local time' },
      { what: `${place} Saturday 12:00`, places: [place], zone, at: `2027-01-16T12:00:00${offset}`, allowed: true },
      { what: `${place} Sunday 12:00`, places: [place], zone, at: `2027-01-17T12:00:00${offset}`, allowed: true },
    ];
  }),
  // Texas: 9:00–21:00 weekdays and Saturdays, 12:00–21:00 Sundays.
  { what: 'TX 8:59', places: ['US-TX'], zone: 'America/Chicago', at: '2027-01-13T08:59:00-06:00', allowed: false, jurisdiction: 'US-TX', rule: 'Calls 9:00–21:00 local time on weekdays' },
  { what: 'TX 9:00', places: ['US-TX'], zone: 'America/Chicago', at: '2027-01-13T09:00:00-06:00', allowed: true },
  { what: 'TX 20:59', places: ['US-TX'], zone: 'America/Chicago', at: '2027-01-13T20:59:00-06:00', allowed: true },
  { what: 'TX 21:00 (federal too)', places: ['US-TX'], zone: 'America/Chicago', at: '2027-01-13T21:00:00-06:00', allowed: false, jurisdiction: 'US-TX' },
  { what: 'TX Saturday 9:00', places: ['US-TX'], zone: 'America/Chicago', at: '2027-01-16T09:00:00-06:00', allowed: true },
  { what: 'TX Sunday 11:59', places: ['US-TX'], zone: 'America/Chicago', at: '2027-01-17T11:59:00-06:00', allowed: false, jurisdiction: 'US-TX', rule: 'Calls 12:00–21:00 local time on Sundays' },
  { what: 'TX Sunday 12:00', places: ['US-TX'], zone: 'America/Chicago', at: '2027-01-17T12:00:00-06:00', allowed: true },
  // Utah: 8:00–21:00, no Sundays or legal holidays (Pioneer Day, 24 July 2026 is a Friday).
  { what: 'UT 8:00', places: ['US-UT'], zone: 'America/Denver', at: '2027-01-13T08:00:00-07:00', allowed: true },
  { what: 'UT 20:59', places: ['US-UT'], zone: 'America/Denver', at: '2027-01-13T20:59:00-07:00', allowed: true },
  { what: 'UT Sunday', places: ['US-UT'], zone: 'America/Denver', at: '2027-01-17T12:00:00-07:00', allowed: false, jurisdiction: 'US-UT', rule: 'No calls on Sundays' },
  { what: 'UT Pioneer Day', places: ['US-UT'], zone: 'America/Denver', at: '2026-07-24T12:00:00-06:00', allowed: false, jurisdiction: 'US-UT', rule: /^No calls on public holidays \(Pioneer Day\)$/ },
  { what: 'UT Christmas', places: ['US-UT'], zone: 'America/Denver', at: '2026-12-25T12:00:00-07:00', allowed: false, jurisdiction: 'US-UT', rule: /Christmas/ },
  // Rhode Island: weekdays 9:00–18:00 except holidays, Saturdays 10:00–17:00, no Sundays.
  { what: 'RI 8:59', places: ['US-RI'], zone: NY, at: '2027-01-13T08:59:00-05:00', allowed: false, jurisdiction: 'US-RI', rule: 'Calls 9:00–18:00 local time on weekdays' },
  { what: 'RI 9:00', places: ['US-RI'], zone: NY, at: '2027-01-13T09:00:00-05:00', allowed: true },
  { what: 'RI 17:59', places: ['US-RI'], zone: NY, at: '2027-01-13T17:59:00-05:00', allowed: true },
  { what: 'RI 18:00', places: ['US-RI'], zone: NY, at: '2027-01-13T18:00:00-05:00', allowed: false, jurisdiction: 'US-RI' },
  { what: 'RI Saturday 9:59', places: ['US-RI'], zone: NY, at: '2027-01-16T09:59:00-05:00', allowed: false, jurisdiction: 'US-RI', rule: 'Calls 10:00–17:00 local time on Saturdays' },
  { what: 'RI Saturday 10:00', places: ['US-RI'], zone: NY, at: '2027-01-16T10:00:00-05:00', allowed: true },
  { what: 'RI Saturday 17:00', places: ['US-RI'], zone: NY, at: '2027-01-16T17:00:00-05:00', allowed: false, jurisdiction: 'US-RI' },
  { what: 'RI Sunday', places: ['US-RI'], zone: NY, at: '2027-01-17T12:00:00-05:00', allowed: false, jurisdiction: 'US-RI', rule: 'No calls on Sundays' },
  { what: 'RI Victory Day', places: ['US-RI'], zone: NY, at: '2026-08-10T12:00:00-04:00', allowed: false, jurisdiction: 'US-RI', rule: /Victory Day/ },
  // Alabama: 8:00–20:00, no Sundays or holidays.
  { what: 'AL 19:59', places: ['US-AL'], zone: 'America/Chicago', at: '2027-01-13T19:59:00-06:00', allowed: true },
  { what: 'AL 20:00', places: ['US-AL'], zone: 'America/Chicago', at: '2027-01-13T20:00:00-06:00', allowed: false, jurisdiction: 'US-AL' },
  { what: 'AL Sunday', places: ['US-AL'], zone: 'America/Chicago', at: '2027-01-17T12:00:00-06:00', allowed: false, jurisdiction: 'US-AL' },
  { what: 'AL Thanksgiving', places: ['US-AL'], zone: 'America/Chicago', at: '2026-11-26T12:00:00-06:00', allowed: false, jurisdiction: 'US-AL', rule: /Thanksgiving/ },
  // Mississippi: no Sundays (its own statute), federal hours.
  { what: 'MS Saturday 20:30', places: ['US-MS'], zone: 'America/Chicago', at: '2027-01-16T20:30:00-06:00', allowed: true },
  { what: 'MS Sunday', places: ['US-MS'], zone: 'America/Chicago', at: '2027-01-17T12:00:00-06:00', allowed: false, jurisdiction: 'US-MS', rule: 'No calls on Sundays' },
  // Canada: weekdays 9:00–21:30, weekends 10:00–18:00.
  { what: 'CA 8:59', places: ['CA-ON'], zone: 'America/Toronto', at: '2027-01-13T08:59:00-05:00', allowed: false, jurisdiction: 'CA' },
  { what: 'CA 9:00', places: ['CA-ON'], zone: 'America/Toronto', at: '2027-01-13T09:00:00-05:00', allowed: true },
  { what: 'CA 21:29', places: ['CA-ON'], zone: 'America/Toronto', at: '2027-01-13T21:29:00-05:00', allowed: true },
  { what: 'CA 21:30', places: ['CA-ON'], zone: 'America/Toronto', at: '2027-01-13T21:30:00-05:00', allowed: false, jurisdiction: 'CA' },
  { what: 'CA Saturday 9:59', places: ['CA-BC'], zone: 'America/Vancouver', at: '2027-01-16T09:59:00-08:00', allowed: false, jurisdiction: 'CA', rule: 'Calls 10:00–18:00 local time on Saturdays' },
  { what: 'CA Sunday 17:59', places: ['CA-BC'], zone: 'America/Vancouver', at: '2027-01-17T17:59:00-08:00', allowed: true },
  { what: 'CA Sunday 18:00', places: ['CA-BC'], zone: 'America/Vancouver', at: '2027-01-17T18:00:00-08:00', allowed: false, jurisdiction: 'CA' },
  // Australia: weekdays 9:00–20:00, Saturdays 9:00–17:00, no Sundays or national public holidays.
  { what: 'AU 8:59', places: ['AU'], zone: 'Australia/Sydney', at: '2027-01-13T08:59:00+11:00', allowed: false, jurisdiction: 'AU' },
  { what: 'AU 19:59', places: ['AU'], zone: 'Australia/Sydney', at: '2027-01-13T19:59:00+11:00', allowed: true },
  { what: 'AU 20:00', places: ['AU'], zone: 'Australia/Sydney', at: '2027-01-13T20:00:00+11:00', allowed: false, jurisdiction: 'AU' },
  { what: 'AU Saturday 16:59', places: ['AU'], zone: 'Australia/Perth', at: '2027-01-16T16:59:00+08:00', allowed: true },
  { what: 'AU Saturday 17:00', places: ['AU'], zone: 'Australia/Perth', at: '2027-01-16T17:00:00+08:00', allowed: false, jurisdiction: 'AU', rule: 'Calls 9:00–17:00 local time on Saturdays' },
  { what: 'AU Sunday', places: ['AU'], zone: 'Australia/Sydney', at: '2027-01-17T12:00:00+11:00', allowed: false, jurisdiction: 'AU', rule: 'No calls on Sundays' },
  { what: 'AU Australia Day', places: ['AU'], zone: 'Australia/Sydney', at: '2027-01-26T12:00:00+11:00', allowed: false, jurisdiction: 'AU', rule: /Australia Day/ },
  // France: weekdays 10:00–13:00 and 14:00–20:00; no weekends or public holidays.
  { what: 'FR 9:59', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T09:59:00+01:00', allowed: false, jurisdiction: 'FR' },
  { what: 'FR 10:00', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T10:00:00+01:00', allowed: true },
  { what: 'FR 12:59', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T12:59:00+01:00', allowed: true },
  { what: 'FR lunch 13:00', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T13:00:00+01:00', allowed: false, jurisdiction: 'FR', rule: 'Calls 10:00–13:00 and 14:00–20:00 local time on weekdays' },
  { what: 'FR lunch 13:59', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T13:59:00+01:00', allowed: false, jurisdiction: 'FR' },
  { what: 'FR 14:00', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T14:00:00+01:00', allowed: true },
  { what: 'FR 19:59', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T19:59:00+01:00', allowed: true },
  { what: 'FR 20:00', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-13T20:00:00+01:00', allowed: false, jurisdiction: 'FR' },
  { what: 'FR Saturday', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-16T11:00:00+01:00', allowed: false, jurisdiction: 'FR', rule: 'No calls on Saturdays' },
  { what: 'FR Sunday', places: ['FR'], zone: 'Europe/Paris', at: '2027-01-17T11:00:00+01:00', allowed: false, jurisdiction: 'FR' },
  { what: 'FR 14 July', places: ['FR'], zone: 'Europe/Paris', at: '2027-07-14T11:00:00+02:00', allowed: false, jurisdiction: 'FR', rule: /^No calls on public holidays/ },
  // United Kingdom and everywhere else: 8:00–21:00.
  { what: 'GB 7:59', places: ['GB'], zone: 'Europe/London', at: '2027-01-13T07:59:00+00:00', allowed: false, jurisdiction: 'GB' },
  { what: 'GB Sunday 20:59', places: ['GB'], zone: 'Europe/London', at: '2027-01-17T20:59:00+00:00', allowed: true },
  { what: 'DE 20:59', places: ['DE'], zone: 'Europe/Berlin', at: '2027-01-13T20:59:00+01:00', allowed: true },
  { what: 'DE 21:00', places: ['DE'], zone: 'Europe/Berlin', at: '2027-01-13T21:00:00+01:00', allowed: false, jurisdiction: 'DE', rule: 'Calls 8:00–21:00 local time' },
  // The week clocks change: the boundary moves with the zone's offset.
  { what: 'FL 19:59 on the day clocks spring forward', places: ['US-FL'], zone: NY, at: '2026-03-08T19:59:00-04:00', allowed: true },
  { what: 'FL 20:00 on the day clocks spring forward', places: ['US-FL'], zone: NY, at: '2026-03-08T20:00:00-04:00', allowed: false },
  { what: 'FL 7:59 the Monday after', places: ['US-FL'], zone: NY, at: '2026-03-09T07:59:00-04:00', allowed: false },
  { what: 'FL 8:00 the Monday after', places: ['US-FL'], zone: NY, at: '2026-03-09T08:00:00-04:00', allowed: true },
  { what: 'FR 10:00 the Monday after clocks fall back', places: ['FR'], zone: 'Europe/Paris', at: '2026-10-26T10:00:00+01:00', allowed: true },
  { what: 'FR 9:59 the Monday after clocks fall back', places: ['FR'], zone: 'Europe/Paris', at: '2026-10-26T09:59:00+01:00', allowed: false },
  // Several places: the strictest applies, in either order.
  { what: 'number in NY, address in FL, 20:30', places: ['US-NY', 'US-FL'], zone: NY, at: '2027-01-13T20:30:00-05:00', allowed: false, jurisdiction: 'US-FL' },
  { what: 'number in FL, address in NY, 20:30', places: ['US-FL', 'US-NY'], zone: NY, at: '2027-01-13T20:30:00-05:00', allowed: false, jurisdiction: 'US-FL' },
  { what: 'number in TX, address in FL, Sunday 11:00', places: ['US-TX', 'US-FL'], zone: 'America/Chicago', at: '2027-01-17T11:00:00-06:00', allowed: false, jurisdiction: 'US-TX' },
  { what: 'number in FL, address in TX, 8:30', places: ['US-FL', 'US-TX'], zone: 'America/Chicago', at: '2027-01-13T08:30:00-06:00', allowed: false, jurisdiction: 'US-TX' },
  { what: 'number in NS/PE (shared area code), 8:59', places: ['CA-NS', 'CA-PE'], zone: 'America/Halifax', at: '2027-01-13T08:59:00-04:00', allowed: false, jurisdiction: 'CA' },
];

describe('the law where the lead is: every jurisdiction at its edges', () => {
  it.each(rows)('$what', (row) => {
    const verdict = verdictOf(row);
    expect(verdict.allowed).toBe(row.allowed);
    if (row.jurisdiction) expect(verdict.jurisdiction).toBe(row.jurisdiction);
    if (row.rule instanceof RegExp) expect(verdict.rule).toMatch(row.rule);
    else if (row.rule) expect(verdict.rule).toBe(row.rule);
    expect(verdict.source.length).toBeGreaterThan(0);
  });

  it('refuses a number it cannot place, and one with no zone, saying why', () => {
    expect(legalVerdict({ places: [], zones: [NY] }, ms('2027-01-13T12:00:00-05:00'))).toMatchObject({ allowed: false, jurisdiction: null, rule: /cannot be placed/ });
    expect(legalVerdict({ places: ['US-NY'], zones: [] }, ms('2027-01-13T12:00:00-05:00'))).toMatchObject({ allowed: false, rule: /No time zone/ });
  });

  it('holds an ambiguous lead to the law in every candidate zone', () => {
    // 8:30 in Boise is 7:30 in Los Angeles: Idaho's area code spans both zones.
    const subject = { places: ['US-ID'], zones: ['America/Boise', 'America/Los_Angeles'] };
    expect(legalVerdict(subject, ms('2027-01-13T08:30:00-07:00')).allowed).toBe(false);
    expect(legalVerdict(subject, ms('2027-01-13T09:00:00-07:00')).allowed).toBe(true);
  });

  it('names the rule in the words a rep reads', () => {
    expect(verdictText(verdictOf({ places: ['US-FL'], zone: NY, at: '2027-01-13T20:30:00-05:00' }))).toBe(
      'Florida: calls 8:00–20:00 local time (Fla. Stat. § 501.616(6)(a))',
    );
  });

  it('carries a citation on every rule of the table', () => {
    for (const rules of JURISDICTIONS) {
      expect(rules.hours.source, rules.code).not.toBe('');
      for (const cap of rules.caps ?? []) expect(cap.source, rules.code).not.toBe('');
      if (rules.holidays) expect(rules.holidays.source, rules.code).not.toBe('');
    }
  });
});

describe('call caps', () => {
  const florida: Pick<Row, 'places' | 'zone'> = { places: ['US-FL'], zone: NY };
  const calls = ['2027-01-13T09:00:00-05:00', '2027-01-13T11:00:00-05:00', '2027-01-13T13:00:00-05:00'].map(ms);

  it('refuses the call that would break a cap, and allows it once the rolling window has moved past the oldest call', () => {
    expect(verdictOf({ ...florida, at: '2027-01-13T15:00:00-05:00' }, calls.slice(0, 2)).allowed).toBe(true);
    expect(verdictOf({ ...florida, at: '2027-01-13T15:00:00-05:00' }, calls)).toMatchObject({
      allowed: false,
      jurisdiction: 'US-FL',
      rule: 'At most 3 calls to the same person in any 24 hours',
      source: 'Fla. Stat. § 501.616(6)(b)',
    });
    expect(verdictOf({ ...florida, at: '2027-01-14T08:59:00-05:00' }, calls).allowed).toBe(false);
    expect(verdictOf({ ...florida, at: '2027-01-14T09:00:00-05:00' }, calls).allowed).toBe(true);
    expect(capsNotBefore({ places: ['US-FL'], zones: [NY], recentCalls: calls }, calls[2])).toBe(calls[0] + 24 * 3_600_000);
  });

  it('holds France to 4 calls in 30 days, and a state without a cap to none', () => {
    const paris = { places: ['FR'], zone: 'Europe/Paris' };
    const four = ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07'].map((d) => ms(`${d}T11:00:00+01:00`));
    expect(verdictOf({ ...paris, at: '2027-01-13T11:00:00+01:00' }, four)).toMatchObject({ allowed: false, rule: 'At most 4 calls to the same person in any 30 days' });
    expect(verdictOf({ ...paris, at: '2027-02-03T11:00:00+01:00' }, four).allowed).toBe(true);
    expect(verdictOf({ places: ['US-NY'], zone: NY, at: '2027-01-13T15:00:00-05:00' }, calls).allowed).toBe(true);
  });

  it('leaves caps out of the calendar intervals: they are the lead\'s, not the day\'s', () => {
    const subject: LegalSubject = { places: ['US-FL'], zones: [NY], recentCalls: calls };
    const day = legalIntervals(subject, ms('2027-01-13T00:00:00-05:00'), ms('2027-01-14T00:00:00-05:00'));
    expect(day).toEqual([{ start: ms('2027-01-13T08:00:00-05:00'), end: ms('2027-01-13T20:00:00-05:00') }]);
  });
});
