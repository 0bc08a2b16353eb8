/**
 * Several planned attempts per lead over a horizon (the `plan` command): plan
 * the next attempt, assume it goes unanswered, fold that in, plan again.
 * Uses the same planner and fold as live dialling, so what it shows is what
 * the rotation would do.
 */
import type { LeadId } from '../../../shared/domain.js';
import type { LeadRotationState, LeadZones, PlannedAttempt } from '../../../shared/schedule.js';
import { planNextAttempt, type LeadPlanInput, type PlanningContext } from './planner.js';
import { foldAttempt } from '../rotation/rotation-state.js';

/** Planned attempts of one lead in `[from, until)`, assuming each goes unanswered. */
export function projectLeadAttempts(
  state: LeadRotationState | undefined,
  zones: LeadZones,
  from: number,
  until: number,
  ctx: PlanningContext,
  leadId: LeadId = state?.leadId ?? '',
): PlannedAttempt[] {
  const plans: PlannedAttempt[] = [];
  let current = state;
  let now = from;
  // Bounded: each projected attempt counts towards the cadence, which ends the loop.
  for (let i = 0; i <= ctx.schedule.maxAttempts; i++) {
    const plan = planNextAttempt(current, zones, now, ctx, leadId);
    if (!plan || plan.at >= until) break;
    plans.push(plan);
    current = foldAttempt(
      current,
      { id: `projected-${i}`, leadId, outcome: 'no-answer', startedAt: new Date(plan.at).toISOString(), promisedFor: null },
      zones,
      ctx.schedule,
    );
    now = plan.at;
  }
  return plans;
}

/** Projected attempts of every lead in `[from, until)`, by time then lead id. */
export function projectAll(
  leads: Iterable<LeadPlanInput>,
  from: number,
  until: number,
  ctx: PlanningContext,
): PlannedAttempt[] {
  const plans: PlannedAttempt[] = [];
  for (const { leadId, state, zones } of leads) plans.push(...projectLeadAttempts(state, zones, from, until, ctx, leadId));
  return plans.sort((a, b) => a.at - b.at || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
}
