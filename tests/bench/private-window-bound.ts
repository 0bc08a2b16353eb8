/**
 * What any planner could win where the only structure is each lead's own
 * private windows (the population answers alike at every hour and weekday):
 * per lead, the Bayes-optimal choice (the exact posterior over where its
 * windows are, given the scenario's window model and the lead's unanswered
 * tries, dialled at the hour likeliest to answer) against rotating through
 * bands, with the same reachable hours, attempts and luck. No rep capacity
 * and no days: it isolates how much learning a lead's windows from its own
 * failures can pay. When the two are level, rotation already takes what a
 * learner can, and only an oracle that knows the windows does better.
 */
import { DEFAULT_SCHEDULE_SETTINGS } from '../../shared/schedule.js';
import { bandMinutes } from '../../main/core/rotation/bands.js';
import { hashSeed, seededRandom } from '../../main/core/schedule/seeded-random.js';
import { hasStructure, type Scenario } from '../../main/core/simulation/scenario.js';
import { buildWorld } from '../../main/core/simulation/synthetic-world.js';
import { localMinuteOfDay } from '../../main/core/timezones/zone-clock.js';

const LEGAL = { first: 8, last: 20 };
/** Beyond three windows a lead, the enumeration of window placements grows past what a bench should spend. */
const MOST_WINDOWS = 3;

export interface WindowBound {
  bayes: number;
  rotation: number;
}

/** Whether the scenario's only structure is private windows (the case this bound speaks to). */
export function onlyPrivateWindows(scenario: Scenario): boolean {
  const { personal } = scenario.answer;
  const withoutWindows = { ...scenario, answer: { ...scenario.answer, personal: { ...personal, share: 0 } } };
  return hasStructure(scenario) && !hasStructure(withoutWindows) && personal.windowsPerLead[1] <= MOST_WINDOWS;
}

/** Conversations per 100 dials of both policies over the scenario's leads (seed 1's world). */
export function privateWindowBound(scenario: Scenario): WindowBound {
  const world = buildWorld(scenario, 1);
  const { cap } = scenario.answer;
  const base = scenario.answer.hourly[LEGAL.first] * scenario.answer.weekday[0];
  const configs = windowConfigs(scenario);
  const bandOf = hourBands();
  const totals = { bayes: { dials: 0, conversations: 0 }, rotation: { dials: 0, conversations: 0 } };
  for (const lead of world.leads) {
    const reachable = new Set<number>();
    for (const block of world.blocks) for (const at of block.slots) if (world.allowed(lead, at)) reachable.add(Math.floor(localMinuteOfDay(lead.zone, at) / 60));
    const hours = [...reachable].sort((a, b) => a - b);
    if (hours.length === 0) continue;
    const truth = (hour: number) => Math.min(cap, base * lead.personal[hour]);
    for (const policy of ['bayes', 'rotation'] as const) {
      const random = seededRandom(hashSeed(lead.id, policy === 'bayes' ? 1 : 2));
      const luck = seededRandom(hashSeed(lead.id, 3));
      const posterior = configs.map((c) => c.prior);
      const bandTries = new Map<number, number>();
      for (let attempt = 0; attempt < scenario.maxAttemptsPerLead; attempt++) {
        let hour: number;
        if (policy === 'bayes') {
          // Each hour's posterior chance once; ties go to a random hour (the first tried is one).
          const chance = new Map(hours.map((h) => [h, configs.reduce((n, c, i) => n + posterior[i] * Math.min(cap, base * c.multiplier[h]), 0)]));
          hour = hours.reduce((best, h) => (chance.get(h)! > chance.get(best)! + 1e-12 ? h : best), hours[Math.floor(random() * hours.length)]);
        } else {
          const least = Math.min(...hours.map((h) => bandTries.get(bandOf[h]) ?? 0));
          const candidates = hours.filter((h) => (bandTries.get(bandOf[h]) ?? 0) === least);
          hour = candidates[Math.floor(random() * candidates.length)];
        }
        totals[policy].dials += 1;
        if (luck() < truth(hour)) {
          totals[policy].conversations += 1;
          break;
        }
        bandTries.set(bandOf[hour], (bandTries.get(bandOf[hour]) ?? 0) + 1);
        let sum = 0;
        for (let i = 0; i < configs.length; i++) {
          posterior[i] *= 1 - Math.min(cap, base * configs[i].multiplier[hour]);
          sum += posterior[i];
        }
        for (let i = 0; i < configs.length; i++) posterior[i] /= sum;
      }
    }
  }
  const per100 = ({ dials, conversations }: { dials: number; conversations: number }) => (dials === 0 ? 0 : (conversations / dials) * 100);
  return { bayes: per100(totals.bayes), rotation: per100(totals.rotation) };
}

/** Every placement of a lead's windows the scenario can draw, with its prior probability (and the leads without windows). */
function windowConfigs(scenario: Scenario): { prior: number; multiplier: Float64Array }[] {
  const { share, windowsPerLead, windowHours, inside, outside } = scenario.answer.personal;
  const starts = LEGAL.last + 1 - windowHours - LEGAL.first + 1;
  const configs: { prior: number; multiplier: Float64Array }[] = [];
  if (share < 1) configs.push({ prior: 1 - share, multiplier: new Float64Array(24).fill(1) });
  const [least, most] = windowsPerLead;
  for (let count = least; count <= most; count++) {
    const prior = (share / (most - least + 1)) / starts ** count;
    for (let code = 0; code < starts ** count; code++) {
      const multiplier = new Float64Array(24).fill(outside);
      for (let w = 0, rest = code; w < count; w++, rest = Math.floor(rest / starts)) {
        const start = LEGAL.first + (rest % starts);
        for (let h = start; h < start + windowHours; h++) multiplier[h] = inside;
      }
      configs.push({ prior, multiplier });
    }
  }
  return configs;
}

/** The default band of each local hour. */
function hourBands(): number[] {
  const bands = bandMinutes(DEFAULT_SCHEDULE_SETTINGS.bands);
  return Array.from({ length: 24 }, (_, h) => bands.findIndex(({ start, end }) => h * 60 >= start && h * 60 < end));
}
