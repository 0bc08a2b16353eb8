/**
 * Scheduling benchmarks (printed, never asserted):
 * - resolving zones for 100,000 numbers;
 * - folding 1,000,000 attempts into per-lead states, then planning the next
 *   attempt of 100,000 leads with the learning planner (target ≤ 500 ms).
 * The strategy simulation is in simulation-bench.ts.
 */
import type { BenchReport } from './bench-report.js';
import { seededRandom as random } from '../../main/core/schedule/seeded-random.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Attempt, Outcome } from '../../shared/domain.js';
import { DEFAULT_SCHEDULE_SETTINGS, type LeadRotationState, type LeadZones } from '../../shared/schedule.js';
import type { RepCalendar } from '../../main/core/schedule/calling-window.js';
import { createPlanningContext, planAll } from '../../main/core/schedule/planner.js';
import { emptyLearningStats, foldAttempt, foldBandStatsInPlace } from '../../main/core/rotation/rotation-state.js';
import { zonesForPhoneViaLibrary } from '../support/phone-zones-via-library.js';
import { resolveLeadZones } from '../../main/core/compliance/resolve-lead-zones.js';
import { DAY_MS, MINUTE_MS } from '../../main/core/timezones/zone-clock.js';


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
  const stats = emptyLearningStats(schedule.bands.length);
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
    const ctx = createPlanningContext({ rep, schedule, bandStats: stats, strategy: 'learning' });
    if (label === 'warm') planAll(leads.slice(0, 1000), now, ctx);
    start = performance.now();
    const cpu = process.cpuUsage();
    const plans = planAll(leads, now, ctx);
    const used = process.cpuUsage(cpu);
    // On a shared machine wall time includes waiting for a core; CPU time is the work itself.
    print(`plan: ${plans.length.toLocaleString('en-US')} of ${leadCount.toLocaleString('en-US')} leads planned, ${((used.user + used.system) / 1000).toFixed(0)} ms of CPU (${label})`);
    report.figure(`plan.${label}_ms`, performance.now() - start, { label: `plan next attempt, 100k leads, ${label}`, unit: 'ms', target: { max: 300 } });
  }
}
