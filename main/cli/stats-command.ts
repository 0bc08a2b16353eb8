import { OUTCOMES, OUTCOME_LABELS, type Lead, type Outcome } from '../../shared/domain.js';
import type { PromiseTally, ScheduleSettings } from '../../shared/schedule.js';
import { tallyPromiseStates } from '../core/schedule/promises.js';
import type { LeadStore } from '../core/store/lead-store.js';

export interface StoreStats {
  leads: number;
  doNotCall: number;
  /** Attempts that reached the network or the rep's hands; technical failures excluded. */
  dials: number;
  byOutcome: Record<Outcome, number>;
  promises: PromiseTally;
}

/** Totals over the whole history (the CLI's `stats`): one streamed scan, so not for the UI's hot path. */
export function computeStats(
  store: LeadStore,
  schedule: ScheduleSettings,
  now: number,
  /** The one do-not-call rule (the dial gate's). */
  isDoNotCall: (lead: Lead) => boolean,
): StoreStats {
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  // Outcome counts need the whole history (streamed); promises are already folded per lead.
  for (const attempt of store.allAttempts()) byOutcome[attempt.outcome] += 1;
  const states = [...store.allLeads()].map((lead) => store.rotationOf(lead.id)).filter((s) => s !== undefined);
  const promises = tallyPromiseStates(states, now, schedule);
  let doNotCall = 0;
  for (const lead of store.allLeads()) if (isDoNotCall(lead)) doNotCall += 1;
  const dials = OUTCOMES.filter((o) => o !== 'failed').reduce((n, o) => n + byOutcome[o], 0);
  return { leads: store.leadCount, doNotCall, dials, byOutcome, promises };
}

export function formatStats(stats: StoreStats): string {
  const conversations = stats.byOutcome.conversation;
  const rate = stats.dials === 0 ? '—' : `${((100 * conversations) / stats.dials).toFixed(1)}%`;
  const lines = [
    `Leads:          ${stats.leads}`,
    `Do not call:    ${stats.doNotCall}`,
    `Dials:          ${stats.dials}`,
    `Conversations:  ${conversations} (${rate} of dials)`,
    `Promises:       ${stats.promises.kept} kept, ${stats.promises.broken} broken, ${stats.promises.open} open`,
    '',
    'Outcomes:',
    ...OUTCOMES.map((o) => `  ${OUTCOME_LABELS[o].padEnd(22)} ${stats.byOutcome[o]}`),
    '',
  ];
  return lines.join('\n');
}
