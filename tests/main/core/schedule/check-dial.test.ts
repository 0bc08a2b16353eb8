import { describe, expect, it } from 'vitest';
import { checkDialAllowed } from '../../../../main/core/schedule/check-dial.js';
import { createDoNotCallList } from '../../../../main/core/schedule/do-not-call.js';
import { at, rep, schedule, zones } from './fixtures.js';

const lead = { id: 'l1', phone: '+13125550100', doNotCall: false };
const base = { lead, zones: zones('America/Chicago'), rep: rep(), schedule: schedule() };

describe('checkDialAllowed', () => {
  it('allows a dial inside every window', () => {
    expect(checkDialAllowed({ ...base, now: at('2025-03-12T15:00:00Z') })).toEqual({
      allowed: true,
      legal: { allowed: true, jurisdiction: 'US', rule: 'Calls 8:00–21:00 local time', source: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)' },
    });
  });

  it('refuses before 8:00 in the lead zone with a readable reason', () => {
    // 13:40 UTC on 12 March 2025 is 8:40 CDT; 12:40 UTC is 7:40.
    expect(checkDialAllowed({ ...base, now: at('2025-03-12T12:40:00Z') })).toEqual({
      allowed: false,
      reason: 'United States: calls 8:00–21:00 local time (47 CFR 64.1200(c)(1); 16 CFR 310.4(c)); it is 7:40 in America/Chicago',
      legal: { allowed: false, jurisdiction: 'US', rule: 'Calls 8:00–21:00 local time', source: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)' },
    });
    expect(checkDialAllowed({ ...base, now: at('2025-03-12T13:40:00Z') }).allowed).toBe(true);
  });

  it('refuses at 21:00 and allows at 20:59 local', () => {
    expect(checkDialAllowed({ ...base, now: at('2025-03-13T02:00:00Z') }).allowed).toBe(false);
    expect(checkDialAllowed({ ...base, now: at('2025-03-13T01:59:00Z') }).allowed).toBe(true);
  });

  it('follows the DST change of the lead zone', () => {
    // Sunday 9 March 2025 the US springs forward: 8:00 CST on the 8th is 14:00Z, 8:00 CDT on the 10th is 13:00Z.
    expect(checkDialAllowed({ ...base, now: at('2025-03-08T13:30:00Z') }).allowed).toBe(false);
    expect(checkDialAllowed({ ...base, now: at('2025-03-10T13:30:00Z') }).allowed).toBe(true);
  });

  it('uses the intersection of an ambiguous lead’s zones', () => {
    const ambiguous = { ...base, zones: zones('America/Boise', 'America/Los_Angeles') };
    // 15:30Z in March (after DST) = 9:30 Boise, 8:30 LA: allowed; 14:30Z = 8:30 Boise, 7:30 LA: refused for LA.
    expect(checkDialAllowed({ ...ambiguous, now: at('2025-03-12T15:30:00Z') }).allowed).toBe(true);
    const refused = checkDialAllowed({ ...ambiguous, now: at('2025-03-12T14:30:00Z') });
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.reason).toMatch(/^United States: calls 8:00–21:00 local time .*; it is 8:30 in America\/Boise, 7:30 in America\/Los_Angeles$/);
  });

  it('applies a stricter country window and a lead window', () => {
    const strict = schedule({ countryWindows: { US: { start: '09:00', end: '20:00' } } });
    // The law allows 8:40; the rep's own stricter window does not, and `legal` says the law alone.
    expect(checkDialAllowed({ ...base, schedule: strict, now: at('2025-03-12T13:40:00Z') })).toMatchObject({
      allowed: false,
      reason: 'Your stricter window for US: 9:00–20:00 local; it is 8:40 in America/Chicago',
      legal: { allowed: true },
    });
    const own = schedule({ leadWindows: { l1: { start: '12:00', end: '13:00' } } });
    expect(checkDialAllowed({ ...base, schedule: own, now: at('2025-03-12T15:00:00Z') }).allowed).toBe(false);
    expect(checkDialAllowed({ ...base, schedule: own, now: at('2025-03-12T17:30:00Z') }).allowed).toBe(true);
  });

  it('never widens the legal window', () => {
    const wide = schedule({ leadWindows: { l1: { start: '06:00', end: '23:00' } } });
    expect(checkDialAllowed({ ...base, schedule: wide, now: at('2025-03-12T12:40:00Z') }).allowed).toBe(false);
  });

  it('refuses on a day off and on a weekday the rep does not work', () => {
    const off = rep({ daysOff: ['2025-03-12'] });
    expect(checkDialAllowed({ ...base, rep: off, now: at('2025-03-12T15:00:00Z') })).toMatchObject({
      allowed: false,
      reason: 'Day off: 2025-03-12 is marked off',
    });
    const weekdays = rep({ workingHours: { start: '00:00', end: '24:00', days: [1, 2, 3, 4, 5] } });
    expect(checkDialAllowed({ ...base, rep: weekdays, now: at('2025-03-15T15:00:00Z') })).toMatchObject({
      allowed: false,
      reason: 'Day off: you do not work on Saturdays',
    });
  });

  it('refuses outside the rep’s working hours, in the rep zone', () => {
    const hours = rep({ workingHours: { start: '09:00', end: '17:00', days: [0, 1, 2, 3, 4, 5, 6] } });
    // 21:30Z = 17:30 in New York (EDT), 16:30 in Chicago.
    const result = checkDialAllowed({ ...base, rep: hours, now: at('2025-03-12T21:30:00Z') });
    expect(result).toEqual({
      allowed: false,
      reason: 'Outside your working hours (9:00–17:00 America/New_York); it is 17:30 there',
      legal: { allowed: true, jurisdiction: 'US', rule: 'Calls 8:00–21:00 local time', source: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)' },
    });
  });

  it('refuses do-not-call leads, opted-out leads and numbers on the imported list', () => {
    const now = at('2025-03-12T15:00:00Z');
    expect(checkDialAllowed({ ...base, lead: { ...lead, doNotCall: true }, now })).toMatchObject({
      allowed: false,
      reason: 'Do not call: the lead is marked do-not-call',
    });
    const state = { status: 'do-not-call' as const, doNotCallSince: at('2025-03-03T16:00:00Z') };
    expect(checkDialAllowed({ ...base, state, now })).toEqual({
      allowed: false,
      reason: 'Do not call: opted out on 2025-03-03',
      legal: { allowed: false, jurisdiction: 'US', rule: 'Do not call: opted out on 2025-03-03', source: '47 CFR 64.1200(c)(2), (d)(3); 16 CFR 310.4(b)(1)(iii)' },
    });
    const list = createDoNotCallList(['+13125550100']);
    expect(checkDialAllowed({ ...base, doNotCallList: list, now })).toMatchObject({
      allowed: false,
      reason: 'Do not call: +13125550100 is on the imported do-not-call list',
    });
  });

  it('refuses a lead without a zone', () => {
    expect(checkDialAllowed({ ...base, zones: zones(), now: at('2025-03-12T15:00:00Z') }).allowed).toBe(false);
  });
});
