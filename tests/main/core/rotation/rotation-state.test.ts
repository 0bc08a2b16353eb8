import { describe, expect, it } from 'vitest';
import { emptyBandStats, emptyLearningStats, foldAttempt, foldBandStatsInPlace, restartCadence, withLearningTables } from '../../../../main/core/rotation/rotation-state.js';
import type { Outcome } from '../../../../shared/domain.js';
import { at, schedule, zones } from '../schedule/fixtures.js';

const chicago = zones('America/Chicago');
const attempt = (id: string, startedAt: string, outcome: Outcome = 'no-answer', promisedFor: string | null = null) => ({
  id,
  leadId: 'l1',
  outcome,
  startedAt,
  promisedFor,
});

describe('foldAttempt', () => {
  it('counts tries per band in the lead’s local time and tracks the cadence', () => {
    let state = foldAttempt(undefined, attempt('a1', '2025-03-12T14:30:00Z'), chicago, schedule()); // 9:30 → 08-10
    state = foldAttempt(state, attempt('a2', '2025-03-13T20:30:00Z', 'voicemail'), chicago, schedule()); // 15:30 → 14-16
    state = foldAttempt(state, attempt('a3', '2025-03-14T02:30:00Z', 'busy'), chicago, schedule()); // 21:30 → no band
    expect(state).toMatchObject({
      bandTries: [1, 0, 0, 1, 0, 0],
      attempts: 3,
      cadenceAttempts: 3,
      cadenceStartedAt: at('2025-03-12T14:30:00Z'),
      lastAttemptAt: at('2025-03-14T02:30:00Z'),
      unansweredVoicemails: 1,
      status: 'active',
    });
  });

  it('ignores technical failures and does not change its input', () => {
    const first = foldAttempt(undefined, attempt('a1', '2025-03-12T14:30:00Z'), chicago, schedule());
    const copy = structuredClone(first);
    // The rotation ignores the failure; the law's caps count it as a call made (the phone may have rung).
    const { recentAttemptsAt, ...afterFailure } = foldAttempt(first, attempt('a2', '2025-03-13T14:30:00Z', 'failed'), chicago, schedule());
    const { recentAttemptsAt: before, ...rotation } = first;
    expect(afterFailure).toEqual(rotation);
    expect(recentAttemptsAt).toEqual([...(before ?? []), at('2025-03-13T14:30:00Z')]);
    foldAttempt(first, attempt('a3', '2025-03-13T14:30:00Z'), chicago, schedule());
    expect(first).toEqual(copy);
  });

  it('starts a new cadence after the cadence length', () => {
    let state = foldAttempt(undefined, attempt('a1', '2025-03-01T14:30:00Z'), chicago, schedule());
    state = foldAttempt(state, attempt('a2', '2025-03-23T14:30:00Z'), chicago, schedule());
    expect(state).toMatchObject({ attempts: 2, cadenceAttempts: 1, cadenceStartedAt: at('2025-03-23T14:30:00Z') });
  });

  it('records promises and statuses', () => {
    let state = foldAttempt(undefined, attempt('a1', '2025-03-12T14:30:00Z', 'voicemail', '2025-03-13T15:15:00Z'), chicago, schedule());
    expect(state.promise).toEqual({ at: at('2025-03-13T15:15:00Z'), attemptId: 'a1' });
    state = foldAttempt(state, attempt('a2', '2025-03-13T15:16:00Z', 'conversation'), chicago, schedule());
    expect(state).toMatchObject({ promise: null, promisesKept: 1, status: 'reached', unansweredVoicemails: 0 });
    expect(restartCadence(state)).toMatchObject({ status: 'active', cadenceAttempts: 0, cadenceStartedAt: null });
    state = foldAttempt(state, attempt('a3', '2025-03-14T15:16:00Z', 'do-not-call'), chicago, schedule());
    expect(state).toMatchObject({ status: 'do-not-call', doNotCallSince: at('2025-03-14T15:16:00Z') });
    expect(restartCadence(state).status).toBe('do-not-call');
    expect(foldAttempt(undefined, attempt('b', '2025-03-12T14:30:00Z', 'wrong-number'), chicago, schedule()).status).toBe('bad-number');
  });

  it('counts a lead’s conversations per band beside its tries, for the learning planner', () => {
    let state = foldAttempt(undefined, attempt('a1', '2025-03-12T14:30:00Z'), chicago, schedule());
    expect(state.bandAnswers).toBeUndefined();
    // 10:16 in Chicago: band 10-12.
    state = foldAttempt(state, attempt('a2', '2025-03-13T15:16:00Z', 'conversation'), chicago, schedule());
    expect(state.bandTries).toEqual([1, 1, 0, 0, 0, 0]);
    expect(state.bandAnswers).toEqual([0, 1, 0, 0, 0, 0]);
    const before = state.bandAnswers;
    state = foldAttempt(restartCadence(state), attempt('a3', '2025-03-14T15:16:00Z', 'conversation'), chicago, schedule());
    expect(state.bandAnswers).toEqual([0, 2, 0, 0, 0, 0]);
    expect(before).toEqual([0, 1, 0, 0, 0, 0]);
  });
});

describe('foldBandStatsInPlace', () => {
  it('counts dials and conversations per band', () => {
    const stats = emptyBandStats(6);
    foldBandStatsInPlace(stats, attempt('a1', '2025-03-12T14:30:00Z', 'conversation'), chicago, schedule());
    foldBandStatsInPlace(stats, attempt('a2', '2025-03-12T15:30:00Z'), chicago, schedule());
    foldBandStatsInPlace(stats, attempt('a3', '2025-03-12T15:30:00Z', 'failed'), chicago, schedule());
    // 9:30 and 10:30 in Chicago.
    expect(stats).toEqual({ dials: [1, 1, 0, 0, 0, 0], conversations: [1, 0, 0, 0, 0, 0] });
  });

  it('counts by the lead’s local weekday and zone into the learning tables, when the stats carry them', () => {
    const stats = emptyLearningStats(6);
    // Wednesday 12 March 2025, 9:30 in Chicago; Thursday 13 March 2025 0:30 UTC is still Wednesday 19:30 there.
    foldBandStatsInPlace(stats, attempt('a1', '2025-03-12T14:30:00Z', 'conversation'), chicago, schedule());
    foldBandStatsInPlace(stats, attempt('a2', '2025-03-13T00:30:00Z'), chicago, schedule());
    foldBandStatsInPlace(stats, attempt('a3', '2025-03-13T00:30:00Z', 'failed'), chicago, schedule());
    expect(stats.dials).toEqual([1, 0, 0, 0, 0, 1]);
    const wednesday = 3;
    expect(stats.weekdayDials![0 * 7 + wednesday]).toBe(1);
    expect(stats.weekdayDials![5 * 7 + wednesday]).toBe(1);
    expect(stats.weekdayConversations![0 * 7 + wednesday]).toBe(1);
    expect(stats.weekdayDials!.reduce((n, x) => n + x, 0)).toBe(2);
    expect(stats.segments).toEqual({ 'America/Chicago': { dials: [1, 0, 0, 0, 0, 1], conversations: [1, 0, 0, 0, 0, 0] } });
    // By the lead's local hour and weekday: 9:30 and 19:30 on a Wednesday in Chicago.
    expect(stats.hourDials!.flatMap((n, i) => (n > 0 ? [[i, n]] : []))).toEqual([[9 * 7 + wednesday, 1], [19 * 7 + wednesday, 1]]);
    expect(stats.hourConversations!.flatMap((n, i) => (n > 0 ? [[i, n]] : []))).toEqual([[9 * 7 + wednesday, 1]]);
    // A checkpoint from before: its band counts are kept and the tables start empty.
    const old = withLearningTables({ dials: [4, 0, 0, 0, 0, 0], conversations: [1, 0, 0, 0, 0, 0] }, 6);
    expect(old.dials).toEqual([4, 0, 0, 0, 0, 0]);
    expect(old.weekdayDials).toHaveLength(42);
    expect(old.hourDials).toEqual(new Array<number>(24 * 7).fill(0));
    expect(emptyBandStats(6)).toEqual({ dials: [0, 0, 0, 0, 0, 0], conversations: [0, 0, 0, 0, 0, 0] });
  });
});
