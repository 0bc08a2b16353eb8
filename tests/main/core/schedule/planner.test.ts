import { describe, expect, it } from 'vitest';
import { createPlanningContext, planAll, planNextAttempt } from '../../../../main/core/schedule/planner.js';
import { projectLeadAttempts } from '../../../../main/core/schedule/project-plans.js';
import { foldAttempt, initialRotationState } from '../../../../main/core/rotation/rotation-state.js';
import { isoWithOffset } from '../../../../main/core/timezones/zone-clock.js';
import type { LeadRotationState } from '../../../../shared/schedule.js';
import { at, rep, schedule, zones } from './fixtures.js';

const chicago = zones('America/Chicago');

function tried(bands: number[], extra: Partial<LeadRotationState> = {}): LeadRotationState {
  return { ...initialRotationState('l1', 6), bandTries: bands, ...extra };
}

describe('planNextAttempt', () => {
  it('plans a fresh lead in the first band it can reach, at the band start', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    // Wednesday 12 March 2025, 9:30 in Chicago: band 08-10 still open.
    const plan = planNextAttempt(undefined, chicago, at('2025-03-12T14:30:00Z'), ctx, 'l1');
    expect(plan).toMatchObject({ leadId: 'l1', band: '08-10', promised: false, inBlock: false });
    expect(isoWithOffset('America/Chicago', plan!.at)).toBe('2025-03-12T09:30:00-05:00');
  });

  it('goes to the least tried band', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const plan = planNextAttempt(tried([1, 1, 0, 1, 1, 1]), chicago, at('2025-03-12T14:30:00Z'), ctx);
    expect(plan?.band).toBe('12-14');
    expect(isoWithOffset('America/Chicago', plan!.at)).toBe('2025-03-12T12:00:00-05:00');
  });

  it('breaks ties by the rep’s connect rate per band, then by dial blocks', () => {
    const bandStats = { dials: [100, 100, 100, 100, 100, 100], conversations: [5, 5, 5, 5, 30, 5] };
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule(), bandStats });
    expect(planNextAttempt(undefined, chicago, at('2025-03-12T14:30:00Z'), ctx, 'l1')?.band).toBe('16-18');

    // Equal rates: a band with a planned dial block (15:00–16:00 New York = 14:00–15:00 Chicago) wins.
    const withBlocks = createPlanningContext({
      rep: rep(),
      schedule: schedule({ dialBlocks: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '15:00', end: '16:00' }] }),
    });
    const plan = planNextAttempt(undefined, chicago, at('2025-03-12T14:30:00Z'), withBlocks, 'l1');
    expect(plan).toMatchObject({ band: '14-16', inBlock: true });
    expect(isoWithOffset('America/Chicago', plan!.at)).toBe('2025-03-12T14:00:00-05:00');
  });

  it('waits until the next local day after the last attempt by default', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const state = foldAttempt(
      undefined,
      { id: 'a1', leadId: 'l1', outcome: 'no-answer', startedAt: '2025-03-12T14:30:00Z', promisedFor: null },
      chicago,
      ctx.schedule,
    );
    const plan = planNextAttempt(state, chicago, at('2025-03-12T14:31:00Z'), ctx);
    expect(plan?.band).toBe('10-12');
    expect(isoWithOffset('America/Chicago', plan!.at)).toBe('2025-03-13T10:00:00-05:00');

    const minutes = createPlanningContext({ rep: rep(), schedule: schedule({ minimumGap: { kind: 'minutes', minutes: 60 } }) });
    expect(isoWithOffset('America/Chicago', planNextAttempt(state, chicago, at('2025-03-12T14:31:00Z'), minutes)!.at)).toBe(
      '2025-03-12T10:30:00-05:00',
    );
  });

  it('skips the rep’s days off and non-working days', () => {
    const weekdays = rep({ workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] }, daysOff: ['2025-03-17'] });
    const ctx = createPlanningContext({ rep: weekdays, schedule: schedule() });
    // Friday 14 March 21:00 New York: next working day is Tuesday 18 March (Monday is off).
    const plan = planNextAttempt(undefined, chicago, at('2025-03-15T01:00:00Z'), ctx, 'l1');
    expect(isoWithOffset('America/New_York', plan!.at)).toBe('2025-03-18T09:00:00-04:00');
  });

  it('stops after the cadence and for leads that are reached, bad or do-not-call', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const now = at('2025-03-12T14:30:00Z');
    const cadenceStartedAt = at('2025-03-01T15:00:00Z');
    expect(planNextAttempt(tried([2, 2, 1, 1, 1, 1], { cadenceAttempts: 8, cadenceStartedAt }), chicago, now, ctx)).toBeNull();
    expect(planNextAttempt(tried([1, 0, 0, 0, 0, 0], { cadenceAttempts: 1, cadenceStartedAt: at('2025-02-01T15:00:00Z') }), chicago, now, ctx)).toBeNull();
    for (const status of ['reached', 'bad-number', 'do-not-call'] as const) {
      expect(planNextAttempt(tried([0, 0, 0, 0, 0, 0], { status }), chicago, now, ctx)).toBeNull();
    }
  });

  it('never plans past the end of the cadence', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const state = tried([1, 0, 0, 0, 0, 0], { cadenceAttempts: 1, cadenceStartedAt: at('2025-02-19T15:00:00Z') });
    // Cadence ends 12 March 15:00Z = 10:00 Chicago.
    const plan = planNextAttempt(state, chicago, at('2025-03-12T14:30:00Z'), ctx);
    expect(plan!.at).toBeLessThan(at('2025-03-12T15:00:00Z'));
  });

  it('pins a promise to its minute, and moves one that left the window', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const promise = { at: at('2025-03-13T19:40:00Z'), attemptId: 'a1' };
    const plan = planNextAttempt(tried([1, 0, 0, 0, 0, 0], { promise }), chicago, at('2025-03-12T15:00:00Z'), ctx);
    expect(plan).toMatchObject({ at: promise.at, promised: true, band: '14-16', promiseConflict: null });

    const off = createPlanningContext({ rep: rep({ daysOff: ['2025-03-13'] }), schedule: schedule() });
    const moved = planNextAttempt(tried([1, 0, 0, 0, 0, 0], { promise }), chicago, at('2025-03-12T15:00:00Z'), off);
    expect(moved).toMatchObject({ promised: true, promiseConflict: 'The promised time is no longer inside the calling window' });
    expect(isoWithOffset('America/New_York', moved!.at).slice(0, 10)).toBe('2025-03-14');
  });

  it('plans an ambiguous lead inside every candidate zone', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const plan = planNextAttempt(undefined, zones('America/New_York', 'America/Los_Angeles'), at('2025-03-12T11:00:00Z'), ctx, 'l1');
    // 8:00 in Los Angeles is 11:00 in New York: the first moment both allow.
    expect(isoWithOffset('America/Los_Angeles', plan!.at)).toBe('2025-03-12T08:00:00-07:00');
  });

  it('returns nothing for a lead whose zones never share a legal hour', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    // Two 13-hour windows always overlap on a 24-hour clock; three zones 8 hours apart do not.
    const spread = zones('Europe/London', 'Asia/Shanghai', 'America/Los_Angeles');
    expect(planNextAttempt(undefined, spread, at('2025-03-12T11:00:00Z'), ctx, 'l1')).toBeNull();
  });

  it('projects rotating attempts over a horizon', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const plans = projectLeadAttempts(undefined, chicago, at('2025-03-12T13:00:00Z'), at('2025-03-19T13:00:00Z'), ctx, 'l1');
    expect(plans.map((p) => p.band)).toEqual(['08-10', '10-12', '12-14', '14-16', '16-18', '18-21', '08-10']);
    expect(plans.map((p) => isoWithOffset('America/Chicago', p.at).slice(0, 10))).toEqual([
      '2025-03-12', '2025-03-13', '2025-03-14', '2025-03-15', '2025-03-16', '2025-03-17', '2025-03-18',
    ]);
  });

  it('plans all leads, earliest first', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const plans = planAll(
      [
        { leadId: 'b', state: undefined, zones: zones('America/Los_Angeles') },
        { leadId: 'a', state: undefined, zones: chicago },
      ],
      at('2025-03-12T11:00:00Z'),
      ctx,
    );
    expect(plans.map((p) => p.leadId)).toEqual(['a', 'b']);
  });
});
