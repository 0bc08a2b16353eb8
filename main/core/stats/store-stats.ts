import type { Lead } from '../../../shared/domain.js';
import type { PromiseTally, ScheduleSettings } from '../../../shared/schedule.js';
import type { StatsReport } from '../../../shared/stats.js';
import { tallyPromiseStates } from '../schedule/promises.js';
import type { LeadStore } from '../store/lead-store.js';
import { statsOf } from './stats-fold.js';
import { dayOfIsoDate, queryStats } from './stats-query.js';

export interface StoreStats extends StatsReport {
  leads: number;
  doNotCall: number;
  /** Promises as they stand now, over every lead (a promise whose time passed unkept is broken). */
  promises: PromiseTally;
}

export interface StatsRangeInput {
  /** YYYY-MM-DD in the rep's zone, inclusive. */
  from?: string;
  to?: string;
}

/**
 * The stats screen's query: the folded day buckets summed over the range. Never reads the
 * history, nor walks the leads: milliseconds at a million attempts.
 */
export function statsReport(
  store: LeadStore,
  range: StatsRangeInput = {},
  scriptName: (id: string, version: number) => string = (id, version) => `${id} v${version}`,
): StatsReport {
  return queryStats(statsOf(store), { fromDay: range.from ? dayOfIsoDate(range.from) : null, toDay: range.to ? dayOfIsoDate(range.to) : null }, scriptName);
}

/**
 * `cli stats`: the same report plus lead counts and promises as they stand now (open, and broken
 * by a time that passed unkept), from the store's folded lead states: a walk over the leads, no
 * history scan.
 */
export function computeStats(
  store: LeadStore,
  schedule: ScheduleSettings,
  now: number,
  /** The dial gate's one do-not-call rule (the imported list included). */
  isDoNotCall: (lead: Lead) => boolean,
  range: StatsRangeInput = {},
  scriptName: (id: string, version: number) => string = (id, version) => `${id} v${version}`,
): StoreStats {
  const report = statsReport(store, range, scriptName);
  const states = [];
  let doNotCall = 0;
  for (const lead of store.allLeads()) {
    const state = store.rotationOf(lead.id);
    if (state) states.push(state);
    if (isDoNotCall(lead)) doNotCall += 1;
  }
  return { ...report, leads: store.leadCount, doNotCall, promises: tallyPromiseStates(states, now, schedule) };
}

const percent = (rate: number, whole: number) => (whole === 0 ? '—' : `${(100 * rate).toFixed(1)}%`);

export function formatStats(stats: StoreStats): string {
  const range = stats.from || stats.to ? ` (${stats.from ?? 'start'} to ${stats.to ?? 'now'})` : '';
  const lines = [
    `Leads:          ${stats.leads}`,
    `Do not call:    ${stats.doNotCall}`,
    `Dials:          ${stats.dials}${range}`,
    `Conversations:  ${stats.conversations} (${percent(stats.conversationRate, stats.dials)} of dials)`,
    `Voicemails:     ${stats.voicemailsLeft} left, ${stats.returns} returned (${percent(stats.returnRate, stats.voicemailsLeft)})`,
    `Promises:       ${stats.promises.kept} kept, ${stats.promises.broken} broken, ${stats.promises.open} open`,
    '',
    'Connect rate by the lead\'s local hour:',
    ...stats.byHour.filter((h) => h.dials > 0).map((h) => `  ${String(h.hour).padStart(2, '0')}:00  ${String(h.dials).padStart(6)} dials  ${percent(h.connectRate, h.dials)}`),
    '',
    'Return rate per script version:',
    ...(stats.byScript.length === 0
      ? ['  (no voicemails with a script yet)']
      : stats.byScript.map((s) => `  ${s.name.padEnd(30)} ${String(s.voicemails).padStart(5)} left  ${String(s.returns).padStart(4)} returned  ${percent(s.returnRate, s.voicemails)}`)),
    '',
  ];
  return lines.join('\n');
}
