import { describe, expect, it } from 'vitest';
import { createPlanningContext } from '../../../../main/core/schedule/planner.js';
import { choosePromiseTime, promiseStatus } from '../../../../main/core/schedule/promises.js';
import { tallyPromises } from '../../../support/tally-promises.js';
import { phraseAttemptTime } from '../../../../main/core/timezones/phrase-time.js';
import { isoWithOffset } from '../../../../main/core/timezones/zone-clock.js';
import { at, rep, schedule, zones } from './fixtures.js';

const chicago = zones('America/Chicago');

describe('choosePromiseTime', () => {
  it('promises the next rotation slot at a natural time', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    // Voicemail Wednesday 12 March 9:30 Chicago (band 08-10): next is Thursday, band 10-12, 10:00 + 15 min.
    const now = at('2025-03-12T14:30:00Z');
    const promise = choosePromiseTime({ leadId: 'l1', state: undefined, zones: chicago, now, ctx });
    expect(isoWithOffset('America/Chicago', promise!)).toBe('2025-03-13T10:15:00-05:00');
    expect(phraseAttemptTime(promise!, 'America/Chicago', now)).toBe('tomorrow at 10:15');
  });

  it('lands inside a planned dial block when there is one', () => {
    const blocks = [{ days: [4], start: '15:30', end: '16:30' }];
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule({ dialBlocks: blocks }) });
    const promise = choosePromiseTime({ leadId: 'l1', state: undefined, zones: chicago, now: at('2025-03-12T14:30:00Z'), ctx });
    // Thursday's block 15:30–16:30 New York is 14:30–15:30 Chicago: band 14-16, 14:45.
    expect(isoWithOffset('America/Chicago', promise!)).toBe('2025-03-13T14:45:00-05:00');
  });

  it('rounds on the lead’s clock in half-hour zones', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule() });
    const promise = choosePromiseTime({ leadId: 'l1', state: undefined, zones: zones('Asia/Kolkata'), now: at('2025-03-12T04:07:00Z'), ctx });
    expect(isoWithOffset('Asia/Kolkata', promise!)).toBe('2025-03-13T10:15:00+05:30');
  });

  it('promises nothing when the cadence has no attempt left', () => {
    const ctx = createPlanningContext({ rep: rep(), schedule: schedule({ maxAttempts: 1 }) });
    expect(choosePromiseTime({ leadId: 'l1', state: undefined, zones: chicago, now: at('2025-03-12T14:30:00Z'), ctx })).toBeNull();
  });
});

describe('tallyPromises', () => {
  const attempt = (id: string, startedAt: string, promisedFor: string | null = null, leadId = 'l1') => ({
    id,
    leadId,
    outcome: 'voicemail' as const,
    startedAt,
    promisedFor,
  });

  it('counts kept, broken and open promises', () => {
    const history = [
      attempt('a1', '2025-03-10T15:00:00Z', '2025-03-11T13:15:00Z'),
      attempt('a2', '2025-03-11T13:16:00Z', '2025-03-12T19:40:00Z'), // keeps the first, promises again
      attempt('a3', '2025-03-13T15:00:00Z', '2025-03-20T15:00:00Z'), // too late: breaks the second; promises again
      attempt('b1', '2025-03-10T15:00:00Z', '2025-03-11T15:00:00Z', 'l2'), // never called back
      attempt('c1', '2025-03-10T15:00:00Z', '2025-03-11T14:58:30Z', 'l3'),
      { ...attempt('c2', '2025-03-11T14:57:00Z', null, 'l3'), outcome: 'no-answer' as const }, // 90 s early still keeps
    ];
    expect(tallyPromises(history, at('2025-03-14T12:00:00Z'), schedule())).toEqual({ kept: 2, broken: 2, open: 1 });
  });

  it('leaves a promise standing when an attempt comes earlier than promised', () => {
    const history = [attempt('a1', '2025-03-10T15:00:00Z', '2025-03-12T15:00:00Z'), attempt('a2', '2025-03-11T15:00:00Z')];
    expect(tallyPromises(history, at('2025-03-11T16:00:00Z'), schedule())).toEqual({ kept: 0, broken: 0, open: 1 });
    expect(promiseStatus({ promise: { at: at('2025-03-12T15:00:00Z'), attemptId: 'a1' } }, at('2025-03-12T15:16:00Z'), schedule())).toBe('broken');
  });
});
