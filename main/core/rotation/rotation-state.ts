/**
 * Per-lead and global aggregates folded from attempts one at a time, so the
 * planner never reads raw history: the store keeps one LeadRotationState per
 * lead and one BandStats, and folds each outcome as it is recorded.
 * Attempts must be folded in start order (the store's natural order).
 */
import type { Attempt, LeadId } from '../../../shared/domain.js';
import type { BandStats, LeadRotationState, LeadZones, ScheduleSettings } from '../../../shared/schedule.js';
import { DAY_MS, MINUTE_MS } from '../timezones/zone-clock.js';
import { bandIndexAt } from './bands.js';

/** Two minutes early still counts as keeping a promise (clocks and dial set-up differ). */
export const PROMISE_EARLY_MS = 2 * MINUTE_MS;

export type FoldableAttempt = Pick<Attempt, 'id' | 'leadId' | 'outcome' | 'startedAt' | 'promisedFor'>;

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
  // A technical failure never counts against the lead.
  if (attempt.outcome === 'failed') return previous;
  const at = toMs(attempt.startedAt);
  const next: LeadRotationState = { ...previous, bandTries: previous.bandTries.slice() };
  if (next.bandTries.length !== schedule.bands.length) next.bandTries = resize(next.bandTries, schedule.bands.length);

  const zone = zones.zones[0];
  const band = zone ? bandIndexAt(schedule.bands, zone, at) : -1;
  if (band >= 0) next.bandTries[band] += 1;

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
  if (attempt.promisedFor) next.promise = { at: toMs(attempt.promisedFor), attemptId: attempt.id };
  return next;
}

/**
 * Counts one attempt into the rep's per-band dials and conversations, in
 * place: the store folds a million attempts at start-up, where a copy per
 * attempt is waste.
 */
export function foldBandStatsInPlace(
  stats: BandStats,
  attempt: Pick<Attempt, 'outcome' | 'startedAt'>,
  zones: LeadZones,
  schedule: ScheduleSettings,
): void {
  if (attempt.outcome === 'failed') return;
  const zone = zones.zones[0];
  const band = zone ? bandIndexAt(schedule.bands, zone, toMs(attempt.startedAt)) : -1;
  if (band < 0) return;
  stats.dials[band] = (stats.dials[band] ?? 0) + 1;
  if (attempt.outcome === 'conversation') stats.conversations[band] = (stats.conversations[band] ?? 0) + 1;
}

/**
 * Restarts the cadence (the rep chose to work a reached or finished lead again).
 * Not called by the product yet: issue 9 (Dial blocks) wires it to the rep's "work again".
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
