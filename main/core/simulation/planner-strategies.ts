/**
 * The two strategies that run Dialdesk's own code: `dialdesk` (the learning
 * planner) and `least-tried` (the earlier rule). Each hour-long dial block is
 * worked as the app works it: every workable lead is planned afresh at the
 * block's start with what the history says by then (the app's block session
 * plans its queue the same way; a plan kept from days before carried the
 * chance an early, noisy model gave it, and the queue kept dialling on that
 * long after the history had said otherwise), the block queue orders the plans
 * (`orderBlockQueue`), the rep dials down the queue at the block's slots, and
 * every outcome is folded into the lead's rotation state and the rep's band
 * statistics (`foldAttempt`, `foldBandStatsInPlace`) before the lead is
 * planned again. The planning context (and with it the learned population
 * model) is rebuilt from those statistics at each block.
 */
import type { LeadRotationState, PlannedAttempt } from '../../../shared/schedule.js';
import { orderBlockQueue } from '../dial-block/block-queue.js';
import { createPlanningContext, planNextAttempt, type PlanningStrategy } from '../schedule/planner.js';
import { emptyLearningStats, foldAttempt, foldBandStatsInPlace } from '../rotation/rotation-state.js';
import { MINUTE_MS } from '../timezones/zone-clock.js';
import type { SimDial } from './baseline-strategies.js';
import type { SimWorld } from './synthetic-world.js';

export function simulatePlanner(world: SimWorld, strategy: PlanningStrategy): SimDial[] {
  const { leads, rep, schedule, blocks } = world;
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  const states = new Map<string, LeadRotationState>();
  const stats = emptyLearningStats(schedule.bands.length);
  const plans = new Map<string, PlannedAttempt>();
  const finished = new Set<string>();
  const dials: SimDial[] = [];
  for (const block of blocks) {
    const ctx = createPlanningContext({ rep, schedule, bandStats: stats, blocks, strategy, seed: world.seed });
    for (const lead of leads) {
      if (finished.has(lead.id)) continue;
      const next = planNextAttempt(states.get(lead.id), lead.zones, block.startsAt, ctx, lead.id);
      if (next) plans.set(lead.id, next);
      else {
        plans.delete(lead.id);
        finished.add(lead.id);
      }
    }
    const queue = orderBlockQueue(plans.values(), block, block.startsAt);
    let next = 0;
    for (const at of block.slots) {
      let lead = null;
      while (next < queue.length && !lead) {
        const candidate = queue[next++];
        // A lead dialled earlier in this block has a new plan; its old queue entry is stale.
        if (plans.get(candidate.leadId) !== candidate || candidate.at >= block.endsAt) continue;
        const found = byId.get(candidate.leadId)!;
        if (world.allowed(found, at) && !(candidate.promised && candidate.at > at)) lead = found;
      }
      if (!lead) break;
      const state = states.get(lead.id);
      const attemptNumber = state?.attempts ?? 0;
      const conversation = world.luck(lead, attemptNumber) < world.chance(lead, at);
      const attempt = {
        id: `${lead.id}-${attemptNumber}`,
        leadId: lead.id,
        outcome: conversation ? ('conversation' as const) : ('no-answer' as const),
        startedAt: new Date(at).toISOString(),
        promisedFor: null,
      };
      const folded = foldAttempt(state, attempt, lead.zones, schedule);
      states.set(lead.id, folded);
      foldBandStatsInPlace(stats, attempt, lead.zones, schedule);
      dials.push({ at, leadId: lead.id, conversation });
      const replanned = planNextAttempt(folded, lead.zones, at + MINUTE_MS, ctx, lead.id);
      if (replanned) plans.set(lead.id, replanned);
      else {
        plans.delete(lead.id);
        finished.add(lead.id);
      }
    }
  }
  return dials;
}
