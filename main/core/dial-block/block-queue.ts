/**
 * The order leads are dialled in a running block: promises due now first (to
 * the minute), then leads planned inside the block, then the rest that are
 * due. A promise not yet due is not dialled early. Inside the last two
 * groups a plan the learning planner rates likelier to be answered goes
 * first (its `chance`); plans without one keep their time order.
 * The block session dials in this order, and so does the simulator's
 * `dialdesk` strategy.
 */
import type { DialBlock, PlannedAttempt } from '../../../shared/schedule.js';
import { MINUTE_MS } from '../timezones/zone-clock.js';

export function orderBlockQueue(plans: Iterable<PlannedAttempt>, block: DialBlock, now: number): PlannedAttempt[] {
  const minute = Math.floor(now / MINUTE_MS);
  const promisesDue: PlannedAttempt[] = [];
  const inBlock: PlannedAttempt[] = [];
  const due: PlannedAttempt[] = [];
  for (const plan of plans) {
    if (plan.promised) {
      // A promise is pinned to its minute: it waits until then, then goes first.
      if (Math.floor(plan.at / MINUTE_MS) <= minute) promisesDue.push(plan);
    } else if (plan.at >= block.startsAt && plan.at < block.endsAt) inBlock.push(plan);
    else if (plan.at <= now) due.push(plan);
  }
  return [...promisesDue.sort(byTime), ...inBlock.sort(byChanceThenTime), ...due.sort(byChanceThenTime)];
}

function byTime(a: PlannedAttempt, b: PlannedAttempt): number {
  return a.at - b.at || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0);
}

function byChanceThenTime(a: PlannedAttempt, b: PlannedAttempt): number {
  return (b.chance ?? 0) - (a.chance ?? 0) || byTime(a, b);
}
