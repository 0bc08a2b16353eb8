/**
 * The world a scenario describes, drawn once per seed and shared by every
 * strategy: the leads (zone, personal windows, a same-hour caller's fixed
 * hour), their true answer chance at any instant, one uniform draw per
 * (lead, attempt number) so every strategy meets the same luck, and the
 * rep's dial slots (hourly blocks in the rep's zone on workdays).
 */
import { hhmm } from '../../../shared/clock-text.js';
import { DEFAULT_SCHEDULE_SETTINGS, type DialBlock, type DialBlockTemplate, type LeadZones, type ScheduleSettings } from '../../../shared/schedule.js';
import type { RepCalendar } from '../schedule/calling-window.js';
import { isAllowedAt } from '../schedule/calling-window.js';
import { expandDialBlocks } from '../schedule/dial-blocks.js';
import { hashSeed, seededRandom } from '../schedule/seeded-random.js';
import { clockMinutes, DAY_MS, instantAtLocal, localDay, localMinuteOfDay, weekdayOfDay } from '../timezones/zone-clock.js';
import type { Scenario } from './scenario.js';

export interface SimLead {
  id: string;
  zone: string;
  zones: LeadZones;
  /** Per local hour 0–23: the lead's personal multiplier (1 for leads without personal windows). */
  personal: Float64Array;
  /** The same-hour strategy's fixed local hour. */
  sameHour: number;
}

export interface SimBlock extends DialBlock {
  /** Dial instants inside the block, `dialsPerHour` an hour, evenly spaced. */
  slots: number[];
}

export interface SimWorld {
  scenario: Scenario;
  seed: number;
  leads: SimLead[];
  rep: RepCalendar;
  schedule: ScheduleSettings;
  blocks: SimBlock[];
  /** The true chance that `lead` answers at `at`. */
  chance(lead: SimLead, at: number): number;
  /** The uniform draw deciding the lead's `attempt`-th dial (0-based): answered when below its chance. */
  luck(lead: SimLead, attempt: number): number;
  /** Legal window and rep hours for the lead at `at` (the real calling-window code, memoised per zone). */
  allowed(lead: SimLead, at: number): boolean;
}

const HOUR_MINUTES = 60;

export function buildWorld(scenario: Scenario, seed: number): SimWorld {
  const random = seededRandom(hashSeed(scenario.name, seed, 1));
  const zoneEntries = Object.entries(scenario.zones);
  const totalWeight = zoneEntries.reduce((n, [, w]) => n + w, 0);
  const { personal } = scenario.answer;
  const leads: SimLead[] = [];
  for (let i = 0; i < scenario.leads; i++) {
    let pick = random() * totalWeight;
    let zone = zoneEntries[zoneEntries.length - 1][0];
    for (const [name, weight] of zoneEntries) {
      if (pick < weight) {
        zone = name;
        break;
      }
      pick -= weight;
    }
    const multiplier = new Float64Array(24).fill(1);
    if (random() < personal.share) {
      multiplier.fill(personal.outside);
      const [least, most] = personal.windowsPerLead;
      const windows = least + Math.floor(random() * (most - least + 1));
      for (let w = 0; w < windows; w++) {
        // Whole-hour starts so the window fits inside 08:00–21:00.
        const start = 8 + Math.floor(random() * (21 - personal.windowHours - 8 + 1));
        for (let h = start; h < start + personal.windowHours; h++) multiplier[h] = personal.inside;
      }
    }
    leads.push({
      id: `sim-${i}`,
      zone,
      // A scenario's leads have zones, not numbers: they are held to the US federal rules (no state's).
      zones: { zones: [zone], ambiguous: false, source: 'import', country: 'US', places: ['US'] },
      personal: multiplier,
      sameHour: 8 + Math.floor(random() * 13),
    });
  }

  const repDays = scenario.rep.workdays.map((iso) => iso % 7);
  const rep: RepCalendar = {
    repTimeZone: scenario.rep.zone,
    workingHours: { start: scenario.rep.start, end: scenario.rep.end, days: repDays },
    daysOff: [],
  };
  const templates = hourlyTemplates(scenario.rep.start, scenario.rep.end, repDays);
  const schedule: ScheduleSettings = {
    ...DEFAULT_SCHEDULE_SETTINGS,
    maxAttempts: scenario.maxAttemptsPerLead,
    // One cadence spans the whole run: the cap on attempts is the scenario's.
    cadenceDays: Math.max(DEFAULT_SCHEDULE_SETTINGS.cadenceDays, scenario.days + 1),
    dialBlocks: templates,
  };
  const firstDay = Math.round(Date.parse(`${scenario.start}T00:00:00Z`) / DAY_MS);
  const from = instantAtLocal(scenario.rep.zone, firstDay, 0);
  const to = instantAtLocal(scenario.rep.zone, firstDay + scenario.days, 0);
  const blocks = expandDialBlocks(templates, rep, from, to)
    .filter((b) => b.startsAt >= from && b.startsAt < to)
    .map((b) => ({ ...b, slots: slotsOf(b, scenario.rep.dialsPerHour) }));

  const { hourly, weekday, cap } = scenario.answer;
  const legal = new Map<string, boolean>();
  return {
    scenario,
    seed,
    leads,
    rep,
    schedule,
    blocks,
    chance(lead, at) {
      const hour = Math.floor(localMinuteOfDay(lead.zone, at) / HOUR_MINUTES);
      const mondayFirst = (weekdayOfDay(localDay(lead.zone, at)) + 6) % 7;
      return Math.min(cap, hourly[hour] * weekday[mondayFirst] * lead.personal[hour]);
    },
    luck(lead, attempt) {
      return seededRandom(hashSeed(lead.id, seed, attempt, 7))();
    },
    allowed(lead, at) {
      const key = `${lead.zone}@${at}`;
      let verdict = legal.get(key);
      if (verdict === undefined) {
        verdict = isAllowedAt({ leadId: null, zones: lead.zones }, rep, schedule, at);
        legal.set(key, verdict);
      }
      return verdict;
    },
  };
}

/** One dial block per working hour (the last one shorter when the day ends off the hour). */
function hourlyTemplates(start: string, end: string, days: number[]): DialBlockTemplate[] {
  const templates: DialBlockTemplate[] = [];
  const last = clockMinutes(end);
  for (let minute = clockMinutes(start); minute < last; minute += HOUR_MINUTES) {
    templates.push({ days, start: hhmm(minute), end: hhmm(Math.min(last, minute + HOUR_MINUTES)) });
  }
  return templates;
}



function slotsOf(block: DialBlock, perHour: number): number[] {
  const count = Math.floor((perHour * (block.endsAt - block.startsAt)) / (HOUR_MINUTES * 60_000));
  const spacing = (block.endsAt - block.startsAt) / Math.max(1, count);
  return Array.from({ length: count }, (_, k) => block.startsAt + Math.floor(k * spacing));
}
