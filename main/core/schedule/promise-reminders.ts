import type { DialBlock, PlannedAttempt } from '../../../shared/schedule.js';
import { blockAt } from './dial-blocks.js';

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
