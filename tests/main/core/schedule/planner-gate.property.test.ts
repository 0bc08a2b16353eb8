import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from '../../../../main/core/compliance/jurisdiction-rules.js';
import { resolveLeadZones } from '../../../../main/core/compliance/resolve-lead-zones.js';
import { foldAttempt, withRecentCall } from '../../../../main/core/rotation/rotation-state.js';
import type { RepCalendar } from '../../../../main/core/schedule/calling-window.js';
import { checkDialAllowed } from '../../../../main/core/schedule/check-dial.js';
import { createPlanningContext, planNextAttempt, PLANNING_STRATEGIES } from '../../../../main/core/schedule/planner.js';
import { choosePromiseTime } from '../../../../main/core/schedule/promises.js';
import { DEFAULT_SCHEDULE_SETTINGS, type LeadRotationState, type LeadZones, type ScheduleSettings } from '../../../../shared/schedule.js';

/**
 * The planner and the gate share one verdict: whatever the planner plans (or a voicemail promises), the gate
 * allows at that instant. Leads are placed anywhere the table knows and anywhere it does not, in every zone
 * kind, with histories that bind the caps, around clock changes and holidays.
 */

const ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Boise',
  'America/Toronto', 'America/Halifax', 'America/St_Johns', 'Europe/Paris', 'Europe/London', 'Europe/Berlin',
  'Australia/Sydney', 'Australia/Perth', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Chatham',
];
const PLACES = [...JURISDICTIONS.map((j) => j.code), 'US-NY', 'US-CA', 'CA-QC', 'CA-NS', 'CA-PE', 'DE', 'JP', 'BR'];
/** Clock changes (US, EU, AU), holidays with no calls (Pioneer Day, Christmas, Australia Day, 14 July), weekends. */
const DAYS = [
  '2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2026-07-24', '2026-12-25',
  '2027-01-26', '2027-07-14', '2027-01-16', '2027-01-17', '2026-12-31',
];

const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...DAYS), fc.integer({ min: -3 * 1440, max: 3 * 1440 })).map(([day, m]) => Date.parse(`${day}T12:00:00Z`) + m * 60_000),
  fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-01-01T00:00:00Z') }),
);

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const window = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => ({ start: hhmm(a * 15), end: hhmm(b * 15) }));

const leadZones: fc.Arbitrary<LeadZones> = fc
  .record({ zones: fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 3 }), places: fc.uniqueArray(fc.constantFrom(...PLACES), { minLength: 1, maxLength: 3 }) })
  .map(({ zones, places }) => ({ zones, ambiguous: zones.length > 1, source: 'phone' as const, country: places[0].slice(0, 2), places }));

const repCalendar = (near: number): fc.Arbitrary<RepCalendar> =>
  fc.record({
    repTimeZone: fc.constantFrom(...ZONES),
    workingHours: fc.oneof(
      fc.constant(null).map(() => ({ start: '00:00', end: '24:00', days: [0, 1, 2, 3, 4, 5, 6] })),
      fc.tuple(window, fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 })).map(([w, days]) => ({ ...w, days })),
    ),
    daysOff: fc.uniqueArray(fc.integer({ min: -2, max: 8 }), { maxLength: 3 }).map((o) => o.map((d) => new Date(near + d * 86_400_000).toISOString().slice(0, 10))),
  });

const schedule = (places: string[]): fc.Arbitrary<ScheduleSettings> =>
  fc.record({
    stricter: fc.option(fc.tuple(fc.constantFrom(...places), window), { nil: undefined }),
    minimumGap: fc.oneof(
      fc.constant({ kind: 'next-business-day' as const }),
      fc.integer({ min: 1, max: 600 }).map((minutes) => ({ kind: 'minutes' as const, minutes })),
    ),
  }).map(({ stricter, minimumGap }) => ({
    ...DEFAULT_SCHEDULE_SETTINGS,
    minimumGap,
    countryWindows: stricter ? { [stricter[0]]: stricter[1] } : {},
  }));

/** A history that binds the caps: up to five calls in the last 40 days, some within hours of now. */
const history = (now: number): fc.Arbitrary<LeadRotationState | undefined> =>
  fc.option(
    fc.uniqueArray(fc.integer({ min: 1, max: 40 * 24 * 60 }), { minLength: 1, maxLength: 5 }).map((ago) => {
      const calls = ago.map((m) => now - m * 60_000).sort((a, b) => a - b);
      let recent: number[] = [];
      for (const call of calls) recent = withRecentCall(recent, call);
      const last = calls[calls.length - 1];
      return {
        leadId: 'lead',
        status: 'active' as const,
        doNotCallSince: null,
        bandTries: [1, 0, 0, 1, 0, 0],
        attempts: calls.length,
        cadenceAttempts: Math.min(calls.length, 3),
        cadenceStartedAt: last - 86_400_000,
        lastAttemptAt: last,
        unansweredVoicemails: 0,
        promise: null,
        promisesKept: 0,
        promisesBroken: 0,
        recentAttemptsAt: recent,
      };
    }),
    { nil: undefined },
  );

const scenario = instant.chain((now) =>
  leadZones.chain((zones) =>
    fc.record({
      now: fc.constant(now),
      zones: fc.constant(zones),
      rep: repCalendar(now),
      settings: schedule(zones.places!),
      state: history(now),
      strategy: fc.constantFrom(...PLANNING_STRATEGIES),
      bandStats: fc.record({
        dials: fc.array(fc.nat(2000), { minLength: 6, maxLength: 6 }),
        conversations: fc.array(fc.nat(200), { minLength: 6, maxLength: 6 }),
      }),
    }),
  ),
);

const gate = (zones: LeadZones, state: LeadRotationState | undefined, rep: RepCalendar, settings: ScheduleSettings, at: number) =>
  checkDialAllowed({ lead: { id: 'lead', phone: '+10000000000', doNotCall: false }, zones, state, rep, schedule: settings, now: at });

describe('the planner never plans what the gate refuses', () => {
  it('for leads placed anywhere, in any zones, with histories that bind the caps, across clock changes and holidays', () => {
    fc.assert(
      fc.property(scenario, ({ now, zones, rep, settings, state, strategy, bandStats }) => {
        const ctx = createPlanningContext({ rep, schedule: settings, bandStats, strategy, seed: 7 });
        const plan = planNextAttempt(state, zones, now, ctx, 'lead');
        if (!plan) return;
        const verdict = gate(zones, state, rep, settings, plan.at);
        expect(verdict, `planned ${new Date(plan.at).toISOString()}`).toMatchObject({ allowed: true });
      }),
      { numRuns: 400 },
    );
  });

  it('never promises, on a voicemail, a time the law forbids', () => {
    fc.assert(
      fc.property(scenario, ({ now, zones, rep, settings, state, bandStats }) => {
        const ctx = createPlanningContext({ rep, schedule: settings, bandStats });
        const promised = choosePromiseTime({ leadId: 'lead', state, zones, now, ctx });
        if (promised === null) return;
        const after = foldAttempt(state, { id: 'vm', leadId: 'lead', outcome: 'voicemail', startedAt: new Date(now).toISOString(), promisedFor: null }, zones, settings);
        expect(gate(zones, after, rep, settings, promised), `promised ${new Date(promised).toISOString()}`).toMatchObject({ allowed: true });
      }),
      { numRuns: 200 },
    );
  });

  it('for real numbers and addresses, placed and zoned as an import does', async () => {
    const numbers = ['+13055550123', '+12145550123', '+14165550123', '+15065550123', '+19025550123', '+12085550123', '+18015550123', '+14015550123', '+61255501234', '+33155550123', '+447700900123', '+4930123456', '+18005550100'];
    const addresses = [undefined, { state: 'FL', country: '' }, { state: 'Utah', country: 'USA' }, { state: '', country: 'France' }, { state: 'Quebec', country: 'Canada' }];
    const zonesOf = new Map<string, LeadZones>();
    for (const phone of numbers) {
      for (const [i, address] of addresses.entries()) {
        zonesOf.set(`${phone}#${i}`, await resolveLeadZones({ phone, timeZone: null, timeZoneInput: '', address }, { defaultCountry: 'US' }));
      }
    }
    fc.assert(
      fc.property(instant, fc.constantFrom(...zonesOf.keys()), fc.constantFrom(...PLANNING_STRATEGIES), (now, key, strategy) => {
        const zones = zonesOf.get(key)!;
        const rep: RepCalendar = { repTimeZone: 'UTC', workingHours: { start: '00:00', end: '24:00', days: [0, 1, 2, 3, 4, 5, 6] }, daysOff: [] };
        const ctx = createPlanningContext({ rep, schedule: DEFAULT_SCHEDULE_SETTINGS, strategy });
        const plan = planNextAttempt(undefined, zones, now, ctx, 'lead');
        if ((zones.places ?? []).length === 0) {
          expect(plan).toBeNull();
          return;
        }
        if (plan) expect(gate(zones, undefined, rep, DEFAULT_SCHEDULE_SETTINGS, plan.at)).toMatchObject({ allowed: true });
      }),
      { numRuns: 300 },
    );
  });
});
