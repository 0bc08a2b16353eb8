/**
 * Per-lead and global aggregates folded from attempts one at a time, so the
 * planner never reads raw history: the store keeps one LeadRotationState per
 * lead and one BandStats, and folds each outcome as it is recorded.
 * Attempts must be folded in start order (the store's natural order).
 */
import { countsAgainstLead } from '../../../shared/outcomes.js';
import type { Attempt, LeadId } from '../../../shared/domain.js';
import type { BandStats, LeadRotationState, LeadZones, ScheduleSettings } from '../../../shared/schedule.js';
import { DAY_MS, localDay, localMinuteOfDay, MINUTE_MS, weekdayOfDay } from '../timezones/zone-clock.js';
import { bandIndexAt } from './bands.js';
import { MAX_CAP_CALLS } from '../compliance/jurisdiction-rules.js';

/** Two minutes early still counts as keeping a promise (clocks and dial set-up differ). */
export const PROMISE_EARLY_MS = 2 * MINUTE_MS;

export type FoldableAttempt = Pick<Attempt, 'id' | 'leadId' | 'outcome' | 'startedAt' | 'promisedFor'> &
  Partial<Pick<Attempt, 'permission' | 'workAgainAt'>>;

export function initialRotationState(leadId: LeadId, bandCount: number): LeadRotationState {
  return {
    leadId,
    status: 'active',
    doNotCallSince: null,
    bandTries: new Array<number>(bandCount).fill(0),
    attempts: 0,
    cadenceAttempts: 0,
    cadenceStartedAt: null,
    lastAttemptAt: null,
    unansweredVoicemails: 0,
    promise: null,
    promisesKept: 0,
    promisesBroken: 0,
  };
}

export function emptyBandStats(bandCount: number): BandStats {
  return { dials: new Array<number>(bandCount).fill(0), conversations: new Array<number>(bandCount).fill(0) };
}

/**
 * Band statistics with the weekday, zone and hour tables the learning planner reads
 * (what the store keeps): `foldBandStatsInPlace` counts into the tables a
 * BandStats carries and leaves out those it does not.
 */
export function emptyLearningStats(bandCount: number): BandStats {
  return withLearningTables(emptyBandStats(bandCount), bandCount);
}

/** Adds empty weekday, zone and hour tables where they are missing (a checkpoint from before the planner learned them). */
export function withLearningTables(stats: BandStats, bandCount: number): BandStats {
  stats.weekdayDials ??= new Array<number>(bandCount * 7).fill(0);
  stats.weekdayConversations ??= new Array<number>(bandCount * 7).fill(0);
  stats.segments ??= {};
  stats.hourDials ??= new Array<number>(24 * 7).fill(0);
  stats.hourConversations ??= new Array<number>(24 * 7).fill(0);
  return stats;
}

/** Epoch ms of an ISO time (attempts store ISO strings). */
export function toMs(time: string | number): number {
  return typeof time === 'number' ? time : Date.parse(time);
}

/** Folds one attempt into the lead's state; returns a new state (the input is not changed). */
export function foldAttempt(
  state: LeadRotationState | undefined,
  attempt: FoldableAttempt,
  zones: LeadZones,
  schedule: ScheduleSettings,
): LeadRotationState {
  const previous = state ?? initialRotationState(attempt.leadId, schedule.bands.length);
  const at = toMs(attempt.startedAt);
  // The law's caps count every call made, a failed or canceled one included (the phone may have rung);
  // the rotation counts only what counts against the lead.
  const recentAttemptsAt = withRecentCall(previous.recentAttemptsAt, at);
  if (!countsAgainstLead(attempt.outcome)) return { ...previous, recentAttemptsAt };
  const next: LeadRotationState = { ...previous, bandTries: previous.bandTries.slice(), recentAttemptsAt };
  if (next.bandTries.length !== schedule.bands.length) next.bandTries = resize(next.bandTries, schedule.bands.length);

  const zone = zones.zones[0];
  const band = zone ? bandIndexAt(schedule.bands, zone, at) : -1;
  if (band >= 0) next.bandTries[band] += 1;
  if (band >= 0 && attempt.outcome === 'conversation') {
    next.bandAnswers = resize(previous.bandAnswers ?? [], schedule.bands.length);
    next.bandAnswers[band] += 1;
  } else if (next.bandAnswers && next.bandAnswers.length !== schedule.bands.length) {
    next.bandAnswers = resize(next.bandAnswers, schedule.bands.length);
  }

  next.attempts += 1;
  const cadenceOver =
    next.cadenceStartedAt === null || at >= next.cadenceStartedAt + schedule.cadenceDays * DAY_MS;
  if (cadenceOver) {
    next.cadenceStartedAt = at;
    next.cadenceAttempts = 0;
  }
  next.cadenceAttempts += 1;
  next.lastAttemptAt = next.lastAttemptAt === null ? at : Math.max(next.lastAttemptAt, at);

  if (next.promise) {
    const tolerance = schedule.promiseToleranceMinutes * MINUTE_MS;
    if (at >= next.promise.at - PROMISE_EARLY_MS && at <= next.promise.at + tolerance) {
      next.promisesKept += 1;
      next.promise = null;
    } else if (at > next.promise.at + tolerance) {
      next.promisesBroken += 1;
      next.promise = null;
    }
    // An attempt before the promised time leaves the promise standing.
  }

  switch (attempt.outcome) {
    case 'conversation':
      next.status = next.status === 'do-not-call' ? next.status : 'reached';
      next.unansweredVoicemails = 0;
      break;
    case 'voicemail':
      // The opt-out stage's message was the last one: the cadence closes until the lead calls back.
      if (previous.unansweredVoicemails >= schedule.voicemailsBeforeOptOut && next.status === 'active') next.status = 'closed';
      next.unansweredVoicemails += 1;
      break;
    case 'wrong-number':
    case 'bad-number':
      if (next.status !== 'do-not-call') next.status = 'bad-number';
      break;
    case 'do-not-call':
      next.status = 'do-not-call';
      next.doNotCallSince = at;
      break;
    default:
      break;
  }
  // "May I contact you again?" — "No": the cadence ends here and the lead is never dialled again.
  if (attempt.permission === 'no') {
    next.status = 'do-not-call';
    next.doNotCallSince = at;
  }
  if (attempt.promisedFor) next.promise = { at: toMs(attempt.promisedFor), attemptId: attempt.id };
  if (attempt.workAgainAt && next.status !== 'do-not-call') {
    return { ...restartCadence(next), notBefore: toMs(attempt.workAgainAt) };
  }
  return next;
}

/** The last MAX_CAP_CALLS call instants, oldest first, with `at` added in its place. */
export function withRecentCall(recent: readonly number[] | undefined, at: number): number[] {
  const list = [...(recent ?? []), at].sort((a, b) => a - b);
  return list.length > MAX_CAP_CALLS ? list.slice(list.length - MAX_CAP_CALLS) : list;
}

/**
 * Counts one attempt into the rep's per-band dials and conversations, in
 * place, and into the weekday, segment and hour tables the learning planner reads
 * when `stats` carries them (see emptyLearningStats):
 * the store folds a million attempts at start-up, where a copy per attempt is
 * waste. O(1) an attempt.
 */
export function foldBandStatsInPlace(
  stats: BandStats,
  attempt: Pick<Attempt, 'outcome' | 'startedAt'>,
  zones: LeadZones,
  schedule: ScheduleSettings,
): void {
  if (!countsAgainstLead(attempt.outcome)) return;
  const zone = zones.zones[0];
  const at = toMs(attempt.startedAt);
  const band = zone ? bandIndexAt(schedule.bands, zone, at) : -1;
  if (band < 0) return;
  const conversation = attempt.outcome === 'conversation';
  stats.dials[band] = (stats.dials[band] ?? 0) + 1;
  if (conversation) stats.conversations[band] = (stats.conversations[band] ?? 0) + 1;
  countFiner(stats, band, zone, at, conversation, schedule.bands.length);
}

function countFiner(stats: BandStats, band: number, zone: string, at: number, conversation: boolean, bandCount: number): void {
  const { weekdayDials, weekdayConversations, segments, hourDials, hourConversations } = stats;
  const weekday = weekdayOfDay(localDay(zone, at));
  if (weekdayDials && weekdayConversations) {
    const cell = band * 7 + weekday;
    weekdayDials[cell] = (weekdayDials[cell] ?? 0) + 1;
    if (conversation) weekdayConversations[cell] = (weekdayConversations[cell] ?? 0) + 1;
  }
  if (hourDials && hourConversations) {
    const cell = Math.floor(localMinuteOfDay(zone, at) / 60) * 7 + weekday;
    hourDials[cell] = (hourDials[cell] ?? 0) + 1;
    if (conversation) hourConversations[cell] = (hourConversations[cell] ?? 0) + 1;
  }
  if (!segments) return;
  const segment = (segments[zone] ??= { dials: new Array<number>(bandCount).fill(0), conversations: new Array<number>(bandCount).fill(0) });
  segment.dials[band] = (segment.dials[band] ?? 0) + 1;
  if (conversation) segment.conversations[band] = (segment.conversations[band] ?? 0) + 1;
}

/**
 * Restarts the cadence (the rep chose to work a reached or finished lead again:
 * an attempt with `workAgainAt`).
 */
export function restartCadence(state: LeadRotationState): LeadRotationState {
  return {
    ...state,
    status: state.status === 'do-not-call' ? 'do-not-call' : 'active',
    cadenceAttempts: 0,
    cadenceStartedAt: null,
    unansweredVoicemails: 0,
  };
}

/** Connect rate per band with a +1/+2 prior, so a band with few dials neither wins nor loses outright. */
export function bandConnectRates(stats: BandStats, bandCount: number): number[] {
  const rates: number[] = [];
  for (let i = 0; i < bandCount; i++) rates.push(((stats.conversations[i] ?? 0) + 1) / ((stats.dials[i] ?? 0) + 2));
  return rates;
}

function resize(list: number[], length: number): number[] {
  const out = list.slice(0, length);
  while (out.length < length) out.push(0);
  return out;
}
