/**
 * Scheduling benchmarks and the rotation simulation (printed, never asserted):
 * - resolving zones for 100,000 numbers;
 * - folding 1,000,000 attempts into per-lead states, then planning the next
 *   attempt of 100,000 leads (target ≤ 500 ms);
 * - a seeded simulation of 5,000 leads reachable only in hidden bands,
 *   comparing Dialdesk's scheduler with "same local hour every day" and
 *   "random times" on the same number of dials. It drives the real planner,
 *   fold, promise and queue code.
 */
import type { BenchReport } from './bench-report.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Attempt, Outcome } from '../../shared/domain.js';
import { DEFAULT_SCHEDULE_SETTINGS, type DialBlock, type LeadRotationState, type LeadZones, type PlannedAttempt, type ScheduleSettings } from '../../shared/schedule.js';
import { orderBlockQueue } from '../../main/core/dial-block/block-queue.js';
import type { RepCalendar } from '../../main/core/schedule/calling-window.js';
import { checkDialAllowed } from '../../main/core/schedule/check-dial.js';
import { expandDialBlocks } from '../../main/core/schedule/dial-blocks.js';
import { createPlanningContext, planAll, planNextAttempt } from '../../main/core/schedule/planner.js';
import { choosePromiseTime } from '../../main/core/schedule/promises.js';
import { bandIndexAt } from '../../main/core/rotation/bands.js';
import { emptyBandStats, foldAttempt, foldBandStatsInPlace } from '../../main/core/rotation/rotation-state.js';
import { zonesForPhoneViaLibrary } from '../support/phone-zones-via-library.js';
import { resolveLeadZones } from '../../main/core/timezones/resolve-lead-zones.js';
import { DAY_MS, localDay, localMinuteOfDay, MINUTE_MS } from '../../main/core/timezones/zone-clock.js';

/** Small seeded PRNG (mulberry32): the same seed gives the same run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

/** Valid US/Canada numbers (libphonenumber-js decides validity; no area code list of ours). */
function syntheticNumbers(count: number, rand: () => number): string[] {
  const numbers: string[] = [];
  while (numbers.length < count) {
    const npa = 201 + Math.floor(rand() * 789);
    const nxx = 200 + Math.floor(rand() * 800);
    const line = Math.floor(rand() * 10_000);
    const text = `+1${npa}${nxx}${String(line).padStart(4, '0')}`;
    if (parsePhoneNumberFromString(text)?.isValid()) numbers.push(text);
  }
  return numbers;
}

const OUTCOMES: Outcome[] = ['no-answer', 'no-answer', 'no-answer', 'voicemail', 'voicemail', 'busy', 'conversation', 'failed'];

export async function benchmarkPlanning(report: BenchReport): Promise<void> {
  const print = (text: string) => report.note(text);
  const rand = random(42);
  const leadCount = 100_000;
  const attemptCount = 1_000_000;
  const numbers = syntheticNumbers(leadCount, rand);

  let start = performance.now();
  const zones: LeadZones[] = [];
  for (const phone of numbers) zones.push(await resolveLeadZones({ phone, timeZone: null, timeZoneInput: '' }));
  report.figure('plan.zones_100k_ms', performance.now() - start, { label: 'zones for 100,000 numbers', unit: 'ms' });
  start = performance.now();
  for (const phone of numbers.slice(0, 200)) await zonesForPhoneViaLibrary(phone);
  const perCall = (performance.now() - start) / 200;
  print(`zones: the library's own timezones() call: ${perCall.toFixed(2)} ms a number, ≈ ${((perCall * leadCount) / 1000).toFixed(0)} s for 100,000`);
  const ambiguous = zones.filter((z) => z.ambiguous).length;
  print(`zones: ${ambiguous.toLocaleString('en-US')} of ${leadCount.toLocaleString('en-US')} synthetic leads ambiguous`);

  const schedule = DEFAULT_SCHEDULE_SETTINGS;
  const rep: RepCalendar = {
    repTimeZone: 'America/Chicago',
    workingHours: { start: '08:00', end: '18:00', days: [1, 2, 3, 4, 5] },
    daysOff: ['2025-03-17'],
  };
  const now = Date.parse('2025-03-12T15:00:00Z');
  // 1M attempts, in start order per lead, over the 60 days before now.
  const perLead = attemptCount / leadCount;
  start = performance.now();
  const states: (LeadRotationState | undefined)[] = new Array(leadCount);
  const stats = emptyBandStats(schedule.bands.length);
  let folded = 0;
  for (let lead = 0; lead < leadCount; lead++) {
    let at = now - 60 * DAY_MS + Math.floor(rand() * 5 * DAY_MS);
    let state: LeadRotationState | undefined;
    for (let i = 0; i < perLead; i++) {
      at += Math.floor(rand() * 5 * DAY_MS);
      const outcome = OUTCOMES[Math.floor(rand() * OUTCOMES.length)] === 'conversation' && rand() < 0.5 ? 'conversation' : 'no-answer';
      const attempt: Pick<Attempt, 'id' | 'leadId' | 'outcome' | 'startedAt' | 'promisedFor'> = {
        id: `${lead}-${i}`,
        leadId: String(lead),
        outcome,
        startedAt: new Date(Math.min(at, now - MINUTE_MS)).toISOString(),
        promisedFor: null,
      };
      state = foldAttempt(state, attempt, zones[lead], schedule);
      foldBandStatsInPlace(stats, attempt, zones[lead], schedule);
      folded++;
    }
    // Most leads are still being worked: a cadence restarts so the planner has work to do.
    states[lead] = state && rand() < 0.8 ? { ...state, status: 'active', cadenceAttempts: 0, cadenceStartedAt: null } : state;
  }
  print(`fold: ${folded.toLocaleString('en-US')} attempts into ${leadCount.toLocaleString('en-US')} lead states in ${ms(start)} (start-up cost; live updates fold one attempt)`);

  const leads = states.map((state, i) => ({ leadId: String(i), state, zones: zones[i] }));
  for (const label of ['cold', 'warm']) {
    const ctx = createPlanningContext({ rep, schedule, bandStats: stats });
    if (label === 'warm') planAll(leads.slice(0, 1000), now, ctx);
    start = performance.now();
    const plans = planAll(leads, now, ctx);
    print(`plan: ${plans.length.toLocaleString('en-US')} of ${leadCount.toLocaleString('en-US')} leads planned`);
    report.figure(`plan.${label}_ms`, performance.now() - start, { label: `plan next attempt, 100k leads, ${label}`, unit: 'ms', target: { max: 500 } });
  }
}

// ——— Simulation ———

interface SimLead {
  id: string;
  zones: LeadZones;
  hidden: Set<number>;
  /** Same-hour strategy: the lead's fixed local hour. */
  hour: number;
}

interface Dial {
  at: number;
  conversation: boolean;
  leadId: string;
}

const SIM_ZONES: [string, number][] = [
  ['America/New_York', 0.4],
  ['America/Chicago', 0.27],
  ['America/Denver', 0.08],
  ['America/Phoenix', 0.05],
  ['America/Los_Angeles', 0.2],
];

const BLOCK_CAPACITY = 60;

function simulationSetup(seed: number): { leads: SimLead[]; rep: RepCalendar; schedule: ScheduleSettings; blocks: DialBlock[]; start: number; end: number } {
  const rand = random(seed);
  const leads: SimLead[] = [];
  for (let i = 0; i < 5000; i++) {
    let pick = rand();
    let zone = SIM_ZONES[0][0];
    for (const [name, weight] of SIM_ZONES) {
      if (pick < weight) {
        zone = name;
        break;
      }
      pick -= weight;
    }
    const hidden = new Set<number>([Math.floor(rand() * 6)]);
    if (rand() < 0.5) hidden.add(Math.floor(rand() * 6));
    leads.push({
      id: `sim-${i}`,
      zones: { zones: [zone], ambiguous: false, source: 'phone', country: 'US' },
      hidden,
      hour: 8 + Math.floor(rand() * 12),
    });
  }
  // The rep in Chicago dials in hourly blocks 7:00–22:00, which reach every band from New York to Los Angeles.
  const templates = Array.from({ length: 15 }, (_, h) => ({
    days: [0, 1, 2, 3, 4, 5, 6],
    start: `${String(7 + h).padStart(2, '0')}:00`,
    end: `${String(8 + h).padStart(2, '0')}:00`,
  }));
  const rep: RepCalendar = { repTimeZone: 'America/Chicago', workingHours: { start: '07:00', end: '22:00', days: [0, 1, 2, 3, 4, 5, 6] }, daysOff: [] };
  const schedule: ScheduleSettings = { ...DEFAULT_SCHEDULE_SETTINGS, dialBlocks: templates };
  const start = Date.parse('2025-03-03T06:00:00Z');
  const end = start + 21 * DAY_MS;
  return { leads, rep, schedule, blocks: expandDialBlocks(templates, rep, start, end), start, end };
}

function answerProbability(lead: SimLead, at: number, schedule: ScheduleSettings): number {
  const band = bandIndexAt(schedule.bands, lead.zones.zones[0], at);
  return band >= 0 && lead.hidden.has(band) ? 0.6 : 0.05;
}

function allowed(lead: SimLead, rep: RepCalendar, schedule: ScheduleSettings, at: number): boolean {
  return checkDialAllowed({ lead: { id: lead.id, phone: '', doNotCall: false }, zones: lead.zones, rep, schedule, now: at }).allowed;
}

/** Dialdesk: the real planner, fold, promises and block queue. */
function simulateDialdesk(seed: number): Dial[] {
  const { leads, rep, schedule, blocks } = simulationSetup(seed);
  const rand = random(seed + 1);
  const byId = new Map(leads.map((l) => [l.id, l]));
  const states = new Map<string, LeadRotationState | undefined>();
  const stats = emptyBandStats(schedule.bands.length);
  const plans = new Map<string, PlannedAttempt>();
  const dials: Dial[] = [];
  let ctx = createPlanningContext({ rep, schedule, bandStats: stats, blocks });
  let ctxDay = -1;
  for (const lead of leads) {
    const plan = planNextAttempt(undefined, lead.zones, blocks[0].startsAt, ctx, lead.id);
    if (plan) plans.set(lead.id, plan);
  }
  for (const block of blocks) {
    // Connect rates are re-learnt once a day, as the app would when it opens a block.
    const day = localDay(rep.repTimeZone, block.startsAt);
    if (day !== ctxDay) {
      ctx = createPlanningContext({ rep, schedule, bandStats: { dials: [...stats.dials], conversations: [...stats.conversations] }, blocks });
      ctxDay = day;
    }
    const queue = orderBlockQueue(plans.values(), block, block.startsAt);
    const pinned = [...plans.values()].filter((p) => p.promised && p.at > block.startsAt && p.at < block.endsAt).sort((a, b) => a.at - b.at);
    const spacing = (block.endsAt - block.startsAt) / BLOCK_CAPACITY;
    const dialled = new Set<string>();
    let next = 0;
    for (let k = 0; k < BLOCK_CAPACITY; k++) {
      const at = block.startsAt + Math.floor(k * spacing);
      // A promise whose minute has come goes first.
      let plan = pinned.find((p) => p.at <= at && !dialled.has(p.leadId));
      while (!plan && next < queue.length) {
        const candidate = queue[next++];
        if (!dialled.has(candidate.leadId) && plans.get(candidate.leadId) === candidate) plan = candidate;
      }
      if (!plan) break;
      const lead = byId.get(plan.leadId)!;
      dialled.add(lead.id);
      if (!allowed(lead, rep, schedule, at)) continue;
      const conversation = rand() < answerProbability(lead, at, schedule);
      const outcome: Outcome = conversation ? 'conversation' : rand() < 0.5 ? 'voicemail' : 'no-answer';
      const promise = outcome === 'voicemail' ? choosePromiseTime({ leadId: lead.id, state: states.get(lead.id), zones: lead.zones, now: at, ctx }) : null;
      const attempt = { id: `${lead.id}-${dials.length}`, leadId: lead.id, outcome, startedAt: new Date(at).toISOString(), promisedFor: promise === null ? null : new Date(promise).toISOString() };
      const state = foldAttempt(states.get(lead.id), attempt, lead.zones, schedule);
      states.set(lead.id, state);
      foldBandStatsInPlace(stats, attempt, lead.zones, schedule);
      dials.push({ at, conversation, leadId: lead.id });
      const replanned = planNextAttempt(state, lead.zones, at + MINUTE_MS, ctx, lead.id);
      if (replanned) plans.set(lead.id, replanned);
      else plans.delete(lead.id);
    }
  }
  return dials;
}

/** Baselines share the cadence rules: at most 8 attempts, one a local day, never outside the window. */
function simulateBaseline(seed: number, strategy: 'same-hour' | 'random'): Dial[] {
  const { leads, rep, schedule, blocks } = simulationSetup(seed);
  const rand = random(seed + 2);
  const attempts = new Map<string, number>();
  const lastDay = new Map<string, number>();
  const reached = new Set<string>();
  const dials: Dial[] = [];
  for (const block of blocks) {
    const eligible = leads.filter((lead) => {
      if (reached.has(lead.id) || (attempts.get(lead.id) ?? 0) >= schedule.maxAttempts) return false;
      const zone = lead.zones.zones[0];
      if (lastDay.get(lead.id) === localDay(zone, block.startsAt)) return false;
      if (strategy === 'same-hour' && Math.floor(localMinuteOfDay(zone, block.startsAt) / 60) !== lead.hour) return false;
      return allowed(lead, rep, schedule, block.startsAt);
    });
    if (strategy === 'random') {
      for (let i = eligible.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
      }
    } else {
      eligible.sort((a, b) => (attempts.get(a.id) ?? 0) - (attempts.get(b.id) ?? 0));
    }
    const spacing = (block.endsAt - block.startsAt) / BLOCK_CAPACITY;
    for (let k = 0; k < Math.min(BLOCK_CAPACITY, eligible.length); k++) {
      const lead = eligible[k];
      const at = block.startsAt + Math.floor(k * spacing);
      if (!allowed(lead, rep, schedule, at)) continue;
      const conversation = rand() < answerProbability(lead, at, schedule);
      attempts.set(lead.id, (attempts.get(lead.id) ?? 0) + 1);
      lastDay.set(lead.id, localDay(lead.zones.zones[0], at));
      if (conversation) reached.add(lead.id);
      dials.push({ at, conversation, leadId: lead.id });
    }
  }
  return dials;
}

export interface SimulationResult {
  dials: number;
  strategies: { name: string; conversationsPer100: number; reachedShare: number }[];
  liftOverSameHour: number;
}

/** Runs the three strategies and compares them on the same number of dials (the fewest any strategy made). */
export function runRotationSimulation(seed = 7): SimulationResult {
  const runs = [
    { name: 'Dialdesk rotation', dials: simulateDialdesk(seed) },
    { name: 'same local hour every day', dials: simulateBaseline(seed, 'same-hour') },
    { name: 'random times', dials: simulateBaseline(seed, 'random') },
  ];
  const budget = Math.min(...runs.map((r) => r.dials.length));
  const strategies = runs.map(({ name, dials }) => {
    const used = dials.slice(0, budget);
    const conversations = used.filter((d) => d.conversation).length;
    const reached = new Set(used.filter((d) => d.conversation).map((d) => d.leadId)).size;
    return { name, conversationsPer100: (conversations / budget) * 100, reachedShare: reached / 5000 };
  });
  return { dials: budget, strategies, liftOverSameHour: strategies[0].conversationsPer100 / strategies[1].conversationsPer100 };
}

export function benchmarkSimulation(report: BenchReport): void {
  const start = performance.now();
  const result = runRotationSimulation();
  report.note(`5,000 leads across US zones, hidden answer bands (0.6 inside, 0.05 outside), 21 days of hourly blocks, ${result.dials.toLocaleString('en-US')} dials per strategy (${ms(start)})`);
  const keys = ['dialdesk', 'same_hour', 'random'];
  result.strategies.forEach((s, i) => {
    report.figure(`simulation.${keys[i]}.conversations_per_100`, s.conversationsPer100, { label: `${s.name}: conversations / 100 dials`, digits: 1 });
    report.figure(`simulation.${keys[i]}.reached_share`, s.reachedShare, { label: `${s.name}: share of leads reached`, digits: 3 });
  });
  report.figure('simulation.lift_over_same_hour', result.liftOverSameHour, { label: 'lift over same hour', digits: 2, target: { min: 1.5 } });
}
