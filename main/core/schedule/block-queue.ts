/**
 * The order leads are dialled in a running block: promises due now first (to
 * the minute), then leads planned inside the block, then the rest that are
 * due. A promise not yet due is not dialled early. Promises with no block
 * at their minute become reminders.
 */
import type { DialBlock, PlannedAttempt } from '../../../shared/schedule.js';
import { MINUTE_MS } from '../timezones/zone-clock.js';
import { blockAt } from './dial-blocks.js';

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
  return [...promisesDue.sort(byTime), ...inBlock.sort(byTime), ...due.sort(byTime)];
}

export interface PromiseReminder {
  leadId: string;
  at: number;
}

/** Promised attempts whose minute falls in no dial block: the rep is reminded to make them anyway. */
export function promiseReminders(plans: Iterable<PlannedAttempt>, blocks: DialBlock[]): PromiseReminder[] {
  const reminders: PromiseReminder[] = [];
  for (const plan of plans) {
    if (plan.promised && !blockAt(blocks, plan.at)) reminders.push({ leadId: plan.leadId, at: plan.at });
  }
  return reminders.sort((a, b) => a.at - b.at || (a.leadId < b.leadId ? -1 : 1));
}

function byTime(a: PlannedAttempt, b: PlannedAttempt): number {
  return a.at - b.at || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0);
}
