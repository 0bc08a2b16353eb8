import type { Attempt, LeadId } from '../../shared/domain.js';
import type { LeadRotationState, PromiseTally, ScheduleSettings } from '../../shared/schedule.js';
import { foldAttempt, toMs } from '../../main/core/rotation/rotation-state.js';
import { tallyPromiseStates } from '../../main/core/schedule/promises.js';
import { NO_ZONES } from '../../main/core/compliance/resolve-lead-zones.js';

/**
 * Kept and broken promises over a history (any order; grouped per lead and
 * sorted by start). A promise is kept by an attempt starting from 2 minutes
 * before to `promiseToleranceMinutes` after it; broken when that time passes
 * without one; open while it has not passed.
 */
export function tallyPromises(
  attempts: Iterable<Pick<Attempt, 'id' | 'leadId' | 'outcome' | 'startedAt' | 'promisedFor'>>,
  now: number,
  schedule: ScheduleSettings,
): PromiseTally {
  const byLead = new Map<LeadId, Pick<Attempt, 'id' | 'leadId' | 'outcome' | 'startedAt' | 'promisedFor'>[]>();
  for (const attempt of attempts) {
    const list = byLead.get(attempt.leadId);
    if (list) list.push(attempt);
    else byLead.set(attempt.leadId, [attempt]);
  }
  const states: LeadRotationState[] = [];
  for (const list of byLead.values()) {
    list.sort((a, b) => toMs(a.startedAt) - toMs(b.startedAt));
    let state: LeadRotationState | undefined;
    for (const attempt of list) state = foldAttempt(state, attempt, NO_ZONES, schedule);
    if (state) states.push(state);
  }
  return tallyPromiseStates(states, now, schedule);
}
