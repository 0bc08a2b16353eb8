import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlanningContext, planNextAttempt } from '../../../../main/core/schedule/planner.js';
import { projectLeadAttempts } from '../../../../main/core/schedule/project-plans.js';
import { choosePromiseTime } from '../../../../main/core/schedule/promises.js';
import { foldAttempt } from '../../../../main/core/rotation/rotation-state.js';
import { clockMinutes } from '../../../../main/core/timezones/zone-clock.js';
import { DEFAULT_SCHEDULE_SETTINGS, type LeadRotationState, type LeadZones, type ScheduleSettings } from '../../../../shared/schedule.js';
import type { RepCalendar } from '../../../../main/core/schedule/calling-window.js';
import { intlLocal } from './local-clock.js';

/** Zones with DST in either hemisphere, none, half and quarter hour offsets, and transitions at midnight. */
const ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
  'America/Anchorage', 'Pacific/Honolulu', 'America/St_Johns', 'America/Halifax', 'America/Havana',
  'America/Santiago', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu',
  'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Tokyo', 'Africa/Cairo', 'Asia/Beirut',
];

/** Days around DST changes of those zones (2025–2026). */
const DST_DAYS = [
  '2025-03-09', '2025-11-02', '2025-03-30', '2025-10-26', '2025-04-06', '2025-10-05', '2025-09-07',
  '2025-04-25', '2025-10-30', '2026-03-08', '2026-03-29', '2026-04-05', '2025-03-29', '2025-03-10',
];

const zone = fc.constantFrom(...ZONES);
const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -4 * 1440, max: 4 * 1440 })).map(
    ([day, minutes]) => Date.parse(`${day}T00:00:00Z`) + minutes * 60_000,
  ),
  fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const window = fc
  .tuple(fc.integer({ min: 0, max: 23 * 4 }), fc.integer({ min: 1, max: 24 * 4 }))
  .map(([a, b]) => (a < b ? [a, b] : [b, Math.max(a, b + 1)]))
  .filter(([a, b]) => a < b && b <= 96)
  .map(([a, b]) => ({ start: hhmm(a * 15), end: hhmm(b * 15) }));
const days = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });

const repCalendar = (near: number) =>
  fc.record({
    repTimeZone: zone,
    workingHours: fc.tuple(window, days).map(([w, d]) => ({ ...w, days: d })),
    daysOff: fc.uniqueArray(fc.integer({ min: -3, max: 10 }), { maxLength: 4 }).map((offsets) =>
      offsets.map((o) => new Date(near + o * 86_400_000).toISOString().slice(0, 10)),
    ),
  });

const scheduleSettings: fc.Arbitrary<ScheduleSettings> = fc.record({
  countryWindow: fc.option(window, { nil: undefined }),
  minimumGap: fc.oneof(
    fc.constant({ kind: 'next-business-day' as const }),
    fc.integer({ min: 1, max: 3000 }).map((minutes) => ({ kind: 'minutes' as const, minutes })),
  ),
  dialBlocks: fc.array(fc.tuple(window, days).map(([w, d]) => ({ ...w, days: d })), { maxLength: 3 }),
  rotationLookaheadDays: fc.integer({ min: 1, max: 10 }),
}).map(({ countryWindow, ...rest }): ScheduleSettings => ({
  ...DEFAULT_SCHEDULE_SETTINGS,
  ...rest,
  countryWindows: countryWindow ? { US: countryWindow } : {},
}));

const leadZones: fc.Arbitrary<LeadZones> = fc.uniqueArray(zone, { minLength: 1, maxLength: 3 }).map((zones) => ({
  zones,
  ambiguous: zones.length > 1,
  source: 'import' as const,
  country: 'US',
  places: ['US'],
}));

function stateArbitrary(now: number): fc.Arbitrary<LeadRotationState | undefined> {
  return fc.option(
    fc.record({
      bandTries: fc.array(fc.nat(4), { minLength: 6, maxLength: 6 }),
      lastAgo: fc.option(fc.integer({ min: 0, max: 5 * 1440 }), { nil: null }),
      cadenceAttempts: fc.nat(7),
    }).map(({ bandTries, lastAgo, cadenceAttempts }) => ({
      leadId: 'lead',
      status: 'active' as const,
      doNotCallSince: null,
      bandTries,
      attempts: cadenceAttempts,
      cadenceAttempts,
      cadenceStartedAt: lastAgo === null ? null : now - lastAgo * 60_000 - 86_400_000,
      lastAttemptAt: lastAgo === null ? null : now - lastAgo * 60_000,
      unansweredVoicemails: 0,
      promise: null,
      promisesKept: 0,
      promisesBroken: 0,
    })),
    { nil: undefined },
  );
}

/** Independent check of an instant against every window, through Intl rather than the planner's arithmetic. */
function insideWindows(ms: number, zones: LeadZones, rep: RepCalendar, settings: ScheduleSettings): string | null {
  const windows = [settings.legalWindow, ...(settings.countryWindows.US ? [settings.countryWindows.US] : [])];
  const start = Math.max(...windows.map((w) => clockMinutes(w.start)));
  const end = Math.min(...windows.map((w) => clockMinutes(w.end)));
  for (const z of zones.zones) {
    const local = intlLocal(z, ms);
    if (local.minute < start || local.minute >= end) return `lead local ${local.minute} in ${z} outside ${start}-${end}`;
  }
  const repLocal = intlLocal(rep.repTimeZone, ms);
  if (!rep.workingHours.days.includes(repLocal.weekday)) return `rep weekday ${repLocal.weekday}`;
  if (rep.daysOff.includes(repLocal.date)) return `rep day off ${repLocal.date}`;
  const ws = clockMinutes(rep.workingHours.start);
  const we = clockMinutes(rep.workingHours.end);
  if (repLocal.minute < ws || repLocal.minute >= we) return `rep local ${repLocal.minute} outside ${ws}-${we}`;
  return null;
}

const scenario = instant.chain((now) =>
  fc.record({
    now: fc.constant(now),
    rep: repCalendar(now),
    settings: scheduleSettings,
    zones: leadZones,
    state: stateArbitrary(now),
    bandStats: fc.record({
      dials: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
      conversations: fc.array(fc.nat(100), { minLength: 6, maxLength: 6 }),
    }),
  }),
);

describe('planner properties', () => {
  it('never plans an attempt outside the windows, across zones, DST changes and settings', () => {
    fc.assert(
      fc.property(scenario, ({ now, rep, settings, zones, state, bandStats }) => {
        const ctx = createPlanningContext({ rep, schedule: settings, bandStats });
        const plans = projectLeadAttempts(state, zones, now, now + 21 * 86_400_000, ctx, 'lead');
        let previous = now;
        for (const plan of plans) {
          expect(plan.at).toBeGreaterThanOrEqual(previous);
          expect(insideWindows(plan.at, zones, rep, settings)).toBeNull();
          previous = plan.at;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('covers K distinct bands with the first K attempts when every band is open', () => {
    fc.assert(
      fc.property(instant, zone, zone, scenario.map((s) => s.bandStats), (now, leadZone, repZone, bandStats) => {
        const rep: RepCalendar = { repTimeZone: repZone, workingHours: { start: '00:00', end: '24:00', days: [0, 1, 2, 3, 4, 5, 6] }, daysOff: [] };
        const ctx = createPlanningContext({ rep, schedule: DEFAULT_SCHEDULE_SETTINGS, bandStats });
        const zones: LeadZones = { zones: [leadZone], ambiguous: false, source: 'import', country: 'US', places: ['US'] };
        const plans = projectLeadAttempts(undefined, zones, now, now + 30 * 86_400_000, ctx, 'lead');
        const first = plans.slice(0, DEFAULT_SCHEDULE_SETTINGS.bands.length).map((p) => p.band);
        expect(first).toHaveLength(6);
        expect(new Set(first).size).toBe(6);
      }),
      { numRuns: 100 },
    );
  });

  it('covers as many distinct bands as the rep’s hours leave open', () => {
    fc.assert(
      fc.property(instant, zone, window, (now, leadZone, hours) => {
        // Rep in the lead's zone, every day: the bands fully inside working hours are the open ones.
        const rep: RepCalendar = { repTimeZone: leadZone, workingHours: { ...hours, days: [0, 1, 2, 3, 4, 5, 6] }, daysOff: [] };
        const ctx = createPlanningContext({ rep, schedule: DEFAULT_SCHEDULE_SETTINGS });
        const zones: LeadZones = { zones: [leadZone], ambiguous: false, source: 'import', country: 'US', places: ['US'] };
        const open = DEFAULT_SCHEDULE_SETTINGS.bands.filter(
          (b) => clockMinutes(b.start) >= clockMinutes(hours.start) && clockMinutes(b.end) <= clockMinutes(hours.end),
        ).length;
        const plans = projectLeadAttempts(undefined, zones, now, now + 30 * 86_400_000, ctx, 'lead');
        const first = plans.slice(0, open).map((p) => p.band);
        expect(new Set(first).size).toBe(open);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every promise where it was stated', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), ({ now, rep, settings, zones, state, bandStats }, when) => {
        const ctx = createPlanningContext({ rep, schedule: settings, bandStats });
        const promise = choosePromiseTime({ leadId: 'lead', state, zones, now, ctx });
        if (promise === null) return;
        expect(promise).toBeGreaterThan(now);
        expect(insideWindows(promise, zones, rep, settings)).toBeNull();
        const afterVoicemail = foldAttempt(
          state,
          { id: 'vm', leadId: 'lead', outcome: 'voicemail', startedAt: new Date(now).toISOString(), promisedFor: new Date(promise).toISOString() },
          zones,
          settings,
        );
        const later = now + Math.floor((promise - now) * when);
        const plan = planNextAttempt(afterVoicemail, zones, later, ctx);
        expect(plan).toMatchObject({ at: promise, promised: true, promiseConflict: null });
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic for the same inputs', () => {
    fc.assert(
      fc.property(scenario, ({ now, rep, settings, zones, state, bandStats }) => {
        const first = projectLeadAttempts(state, zones, now, now + 14 * 86_400_000, createPlanningContext({ rep, schedule: settings, bandStats }), 'lead');
        const shared = createPlanningContext({ rep, schedule: settings, bandStats });
        projectLeadAttempts(undefined, { zones: ['Asia/Tokyo'], ambiguous: false, source: 'phone', country: 'JP', places: ['JP'] }, now, now + 86_400_000 * 3, shared, 'other');
        const second = projectLeadAttempts(state, zones, now, now + 14 * 86_400_000, shared, 'lead');
        expect(second).toEqual(first);
      }),
      { numRuns: 80 },
    );
  });
});

/** Population counts with weekday and zone tables, enough dials to learn from. */
const learnedStats = fc
  .record({
    dials: fc.array(fc.integer({ min: 20, max: 1000 }), { minLength: 6, maxLength: 6 }),
    rates: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: 6, maxLength: 6 }),
    weekday: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 7, maxLength: 7 }),
    zone: zone,
    zoneFactor: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .map(({ dials, rates, weekday, zone: segment, zoneFactor }) => {
    const conversations = dials.map((d, b) => Math.floor(d * rates[b]));
    const weekdayDials = dials.flatMap((d) => weekday.map(() => Math.floor(d / 7)));
    const weekdayConversations = dials.flatMap((d, b) => weekday.map((f) => Math.min(Math.floor(d / 7), Math.floor((d / 7) * rates[b] * f))));
    const segmentConversations = dials.map((d, b) => Math.min(d, Math.floor(d * rates[b] * zoneFactor)));
    return { dials, conversations, weekdayDials, weekdayConversations, segments: { [segment]: { dials, conversations: segmentConversations } } };
  });

const learningScenario = fc.tuple(scenario, learnedStats, fc.nat()).map(([s, bandStats, seed]) => ({ ...s, bandStats, seed }));

describe('learning planner properties', () => {
  it('never plans an attempt outside the windows, across zones, DST changes and settings', () => {
    fc.assert(
      fc.property(learningScenario, ({ now, rep, settings, zones, state, bandStats, seed }) => {
        const ctx = createPlanningContext({ rep, schedule: settings, bandStats, strategy: 'learning', seed });
        expect(ctx.model.informed).toBe(true);
        const plans = projectLeadAttempts(state, zones, now, now + 21 * 86_400_000, ctx, 'lead');
        let previous = now;
        for (const plan of plans) {
          expect(plan.at).toBeGreaterThanOrEqual(previous);
          expect(insideWindows(plan.at, zones, rep, settings)).toBeNull();
          expect(plan.chance).toBeGreaterThan(0);
          expect(plan.chance).toBeLessThan(1);
          previous = plan.at;
        }
        expect(plans.length).toBeLessThanOrEqual(settings.maxAttempts);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every promise where it was stated', () => {
    fc.assert(
      fc.property(learningScenario, fc.double({ min: 0, max: 1, noNaN: true }), ({ now, rep, settings, zones, state, bandStats, seed }, when) => {
        const ctx = createPlanningContext({ rep, schedule: settings, bandStats, strategy: 'learning', seed });
        const promise = choosePromiseTime({ leadId: 'lead', state, zones, now, ctx });
        if (promise === null) return;
        expect(promise).toBeGreaterThan(now);
        expect(insideWindows(promise, zones, rep, settings)).toBeNull();
        const afterVoicemail = foldAttempt(
          state,
          { id: 'vm', leadId: 'lead', outcome: 'voicemail', startedAt: new Date(now).toISOString(), promisedFor: new Date(promise).toISOString() },
          zones,
          settings,
        );
        const later = now + Math.floor((promise - now) * when);
        expect(planNextAttempt(afterVoicemail, zones, later, ctx)).toMatchObject({ at: promise, promised: true, promiseConflict: null });
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic per seed, whatever else the context planned before', () => {
    fc.assert(
      fc.property(learningScenario, ({ now, rep, settings, zones, state, bandStats, seed }) => {
        const plan = (ctx: ReturnType<typeof createPlanningContext>) => projectLeadAttempts(state, zones, now, now + 14 * 86_400_000, ctx, 'lead');
        const first = plan(createPlanningContext({ rep, schedule: settings, bandStats, strategy: 'learning', seed }));
        const shared = createPlanningContext({ rep, schedule: settings, bandStats, strategy: 'learning', seed });
        projectLeadAttempts(undefined, { zones: ['Asia/Tokyo'], ambiguous: false, source: 'phone', country: 'JP', places: ['JP'] }, now, now + 3 * 86_400_000, shared, 'other');
        expect(plan(shared)).toEqual(first);
      }),
      { numRuns: 80 },
    );
  });

  const allHours: RepCalendar = { repTimeZone: 'America/Chicago', workingHours: { start: '00:00', end: '24:00', days: [0, 1, 2, 3, 4, 5, 6] }, daysOff: [] };
  const chicago: LeadZones = { zones: ['America/Chicago'], ambiguous: false, source: 'import', country: 'US', places: ['US'] };
  // Wednesday 12 March 2025, 8:00 in Chicago.
  const wednesday = Date.parse('2025-03-12T13:00:00Z');
  const freshBands = (bandStats: { dials: number[]; conversations: number[] }, state?: LeadRotationState) => {
    const bands = new Map<string, number>();
    for (let seed = 0; seed < 200; seed++) {
      const ctx = createPlanningContext({ rep: allHours, schedule: DEFAULT_SCHEDULE_SETTINGS, bandStats, strategy: 'learning', seed });
      const band = planNextAttempt(state, chicago, wednesday, ctx, 'lead')!.band!;
      bands.set(band, (bands.get(band) ?? 0) + 1);
    }
    return bands;
  };

  it('sends fresh leads where the population answers once the history is clear, and explores while it is thin', () => {
    const clear = freshBands({ dials: [500, 500, 500, 500, 500, 500], conversations: [10, 10, 10, 10, 250, 10] });
    expect(clear).toEqual(new Map([['16-18', 200]]));
    // Twelve dials a band: 16-18 looks best, but any band could be; seeds spread, the likeliest band still leads.
    const thin = freshBands({ dials: [12, 12, 12, 12, 12, 12], conversations: [2, 2, 2, 2, 4, 2] });
    expect(thin.size).toBeGreaterThan(3);
    expect(Math.max(...thin.values())).toBe(thin.get('16-18'));
  });

  it('moves a lead off the population’s best band after its own unanswered tries there', () => {
    // 300 dials in each band and weekday: 16-18 answers 30%, the others 20%.
    const weekdayDials = new Array<number>(42).fill(300);
    const weekdayConversations = weekdayDials.map((d, i) => (Math.floor(i / 7) === 4 ? 90 : 60));
    const bandStats = {
      dials: new Array<number>(6).fill(2100),
      conversations: [0, 1, 2, 3, 4, 5].map((b) => weekdayConversations.slice(b * 7, b * 7 + 7).reduce((n, c) => n + c, 0)),
      weekdayDials,
      weekdayConversations,
    };
    const tried = (tries: number): LeadRotationState => ({
      leadId: 'lead', status: 'active', doNotCallSince: null, bandTries: [0, 0, 0, 0, tries, 0], attempts: tries, cadenceAttempts: 0,
      cadenceStartedAt: null, lastAttemptAt: null, unansweredVoicemails: 0, promise: null, promisesKept: 0, promisesBroken: 0,
    });
    expect(freshBands(bandStats, tried(0)).get('16-18')).toBeGreaterThan(190);
    expect(freshBands(bandStats, tried(2)).get('16-18') ?? 0).toBeLessThan(40);
  });

  it('waits for a better weekday when the population says so, and not when weekdays are alike', () => {
    const weekdayStats = (factor: number[]) => {
      const dials = new Array<number>(6).fill(1400);
      const weekdayDials = dials.flatMap(() => factor.map(() => 200));
      const weekdayConversations = dials.flatMap(() => factor.map((f) => Math.round(200 * 0.15 * f)));
      const conversations = dials.map((_, b) => weekdayConversations.slice(b * 7, b * 7 + 7).reduce((n, c) => n + c, 0));
      return { dials, conversations, weekdayDials, weekdayConversations };
    };
    const dayOf = (bandStats: ReturnType<typeof weekdayStats>) => {
      const ctx = createPlanningContext({ rep: allHours, schedule: DEFAULT_SCHEDULE_SETTINGS, bandStats, strategy: 'learning', seed: 3 });
      const plan = planNextAttempt(undefined, chicago, wednesday, ctx, 'lead')!;
      return new Date(plan.at - 6 * 3_600_000).getUTCDay();
    };
    // Sunday first: Friday answers three times as often as any other day.
    expect(dayOf(weekdayStats([1, 1, 1, 1, 1, 3, 1]))).toBe(5);
    expect(dayOf(weekdayStats([1, 1, 1, 1, 1, 1, 1]))).toBe(3);
  });

  it('plans a band at its hour where people answer, and spreads leads over a band whose hours are alike', () => {
    // 18-21 is the best band; inside it, 19:00 answers three times as often as 18:00 (20:00 was not dialled).
    const hourStats = (at18: number, at19: number) => {
      // Every hour dialled 100 times on each weekday (index hour × 7 + weekday).
      const hourDials = new Array<number>(168).fill(0);
      const hourConversations = new Array<number>(168).fill(0);
      for (let h = 8; h < 20; h++) {
        for (let w = 0; w < 7; w++) {
          hourDials[h * 7 + w] = 100;
          hourConversations[h * 7 + w] = h === 18 ? at18 : h === 19 ? at19 : 10;
        }
      }
      // The bands' and weekdays' counts are those hours' (20:00 was not dialled).
      const weekdayDials = new Array<number>(42).fill(0);
      const weekdayConversations = new Array<number>(42).fill(0);
      for (let h = 8; h < 20; h++) {
        for (let w = 0; w < 7; w++) {
          weekdayDials[Math.floor((h - 8) / 2) * 7 + w] += hourDials[h * 7 + w];
          weekdayConversations[Math.floor((h - 8) / 2) * 7 + w] += hourConversations[h * 7 + w];
        }
      }
      const perBand = (b: number, table: number[]) => table.slice(b * 7, b * 7 + 7).reduce((n, x) => n + x, 0);
      const dials = [0, 1, 2, 3, 4, 5].map((b) => perBand(b, weekdayDials));
      const conversations = [0, 1, 2, 3, 4, 5].map((b) => perBand(b, weekdayConversations));
      return { dials, conversations, weekdayDials, weekdayConversations, hourDials, hourConversations };
    };
    const hoursOf = (bandStats: ReturnType<typeof hourStats>) => {
      const hours = new Map<number, number>();
      for (let seed = 0; seed < 100; seed++) {
        const ctx = createPlanningContext({ rep: allHours, schedule: DEFAULT_SCHEDULE_SETTINGS, bandStats, strategy: 'learning', seed });
        const plan = planNextAttempt(undefined, chicago, wednesday, ctx, 'lead')!;
        expect(plan.band).toBe('18-21');
        // Chicago is UTC−5 in March after the switch.
        const hour = new Date(plan.at - 5 * 3_600_000).getUTCHours();
        hours.set(hour, (hours.get(hour) ?? 0) + 1);
      }
      return hours;
    };
    expect(hoursOf(hourStats(15, 45))).toEqual(new Map([[19, 100]]));
    // Hours alike: the draws spread fresh leads over the band's three hours.
    const alike = hoursOf(hourStats(30, 30));
    expect([...alike.keys()].sort()).toEqual([18, 19, 20]);
    for (const count of alike.values()) expect(count).toBeGreaterThan(15);
  });
});
