/**
 * The rotation planner: given a lead's folded state, its zones, the rep's
 * calendar and "now", returns the next attempt. Pure and deterministic; all
 * caches live in the PlanningContext the caller creates (one per planning
 * run, or kept while settings do not change) and only memoise pure results.
 *
 * Rule, in order: a standing promise is pinned where it was stated; else,
 * among the legal slots within the look-ahead:
 * - `learning` (the app's planner): every band on every day of the
 *   look-ahead is a candidate (its first slot that day); the lead's chance
 *   there is drawn (answer-model.ts: the rep's history by band, weekday and
 *   zone as the prior, its uncertainty drawn; the lead's own unanswered tries
 *   as evidence), discounted per day of waiting, and the best wins (Thompson
 *   sampling). So a lead waits for a band or weekday that answers clearly
 *   better, not for one that is only a little better. The draw is seeded by
 *   the context's seed, the lead, its attempt count and the day, so the same
 *   inputs give the same plan. Until the history holds enough dials to learn
 *   from, it rotates exactly like `least-tried`.
 * - `least-tried` (the earlier rule, kept as a baseline): the band this lead
 *   was tried in least; ties go to the band with the better connect rate over
 *   the rep's whole history, then to a band with a slot in a planned dial
 *   block, then to the earliest slot.
 */
import type { LeadId } from '../../../shared/domain.js';
import type {
  BandStats,
  DialBlock,
  LeadRotationState,
  LeadZones,
  PlannedAttempt,
  ScheduleSettings,
} from '../../../shared/schedule.js';
import { DAY_MS, instantAtLocal, localDay, localMinuteOfDay, MINUTE_MS, weekdayOfDay } from '../timezones/zone-clock.js';
import { bandIndexAt } from '../rotation/bands.js';
import { isAllowedAt, legalSubject, type RepCalendar } from './calling-window.js';
import { capsNotBefore } from '../compliance/legal-calendar.js';
import { blockIntervals, expandDialBlocks } from './dial-blocks.js';
import { contains } from '../timezones/intervals.js';
import { bandConnectRates, emptyBandStats, initialRotationState, PROMISE_EARLY_MS } from '../rotation/rotation-state.js';
import { buildAnswerModel, hourFactor, leadChance, segmentNumber, type AnswerModel } from './answer-model.js';
import { chooseLearnedSlot } from './learned-slot.js';
import { hashSeed, seededRandom } from './seeded-random.js';
import { daySlots, firstAtOrAfter, zoneSlots, type SlotTables } from './slot-tables.js';

export const PLANNING_STRATEGIES = ['learning', 'least-tried'] as const;
export type PlanningStrategy = (typeof PLANNING_STRATEGIES)[number];

/** How far past the look-ahead the planner searches before it gives up (a long holiday). */
const MAX_SEARCH_DAYS = 60;

export interface PlanningContextInput {
  rep: RepCalendar;
  schedule: ScheduleSettings;
  bandStats?: BandStats;
  /** Concrete dial blocks; when omitted they are expanded from `schedule.dialBlocks`. */
  blocks?: DialBlock[];
  /** `least-tried` when omitted (the rule the pure planner had before it learned); the app asks for `learning`. */
  strategy?: PlanningStrategy;
  /** Seeds the learning planner's draws (default 0): the same seed and inputs give the same plans. */
  seed?: number;
}

export interface PlanningContext extends SlotTables {
  readonly rates: number[];
  readonly strategy: PlanningStrategy;
  readonly seed: number;
  /** The population model the learning planner draws from (built once per context). */
  readonly model: AnswerModel;
}


export function createPlanningContext(input: PlanningContextInput): PlanningContext {
  const count = input.schedule.bands.length;
  return {
    rep: input.rep,
    schedule: input.schedule,
    rates: bandConnectRates(input.bandStats ?? emptyBandStats(count), count),
    strategy: input.strategy ?? 'least-tried',
    seed: input.seed ?? 0,
    model: buildAnswerModel(input.bandStats, input.schedule.bands),
    blocks: input.blocks ? [...input.blocks].sort((a, b) => a.startsAt - b.startsAt) : null,
    slots: new Map(),
    hasBlocks: input.blocks ? input.blocks.length > 0 : input.schedule.dialBlocks.length > 0,
    countryWindows: new Map(),
  };
}


/** Earliest instant the minimum gap and the law's call caps allow after the last attempt. */
export function earliestNextAttempt(
  state: LeadRotationState,
  zones: LeadZones,
  schedule: ScheduleSettings,
  now: number,
): number {
  let earliest = Math.max(now, state.notBefore ?? now, capsNotBefore(legalSubject({ leadId: state.leadId, zones, recentCalls: state.recentAttemptsAt }), now));
  if (state.lastAttemptAt !== null) {
    const gapEnd =
      schedule.minimumGap.kind === 'minutes'
        ? state.lastAttemptAt + schedule.minimumGap.minutes * MINUTE_MS
        : instantAtLocal(zones.zones[0], localDay(zones.zones[0], state.lastAttemptAt) + 1, 0);
    earliest = Math.max(earliest, gapEnd);
  }
  // Plans are whole minutes.
  return Math.ceil(earliest / MINUTE_MS) * MINUTE_MS;
}

/** End of the lead's current cadence (attempts must start before it), or +∞ before the first attempt. */
export function cadenceEnd(state: LeadRotationState, schedule: ScheduleSettings): number {
  return state.cadenceStartedAt === null ? Number.POSITIVE_INFINITY : state.cadenceStartedAt + schedule.cadenceDays * DAY_MS;
}

/** Whether the rotation still plans attempts for this lead. */
export function isWorkable(state: LeadRotationState, schedule: ScheduleSettings, now: number): boolean {
  if (state.status !== 'active') return false;
  if (state.cadenceStartedAt === null) return true;
  // A cadence that has run out of attempts or days is finished; a new one starts with the next dial.
  return state.cadenceAttempts < schedule.maxAttempts && now < cadenceEnd(state, schedule);
}

/**
 * The next attempt for one lead, or null when it is not workable (reached,
 * do-not-call, cadence finished, no zone, no legal slot within the search).
 */
export function planNextAttempt(
  state: LeadRotationState | undefined,
  zones: LeadZones,
  now: number,
  ctx: PlanningContext,
  leadId: LeadId = state?.leadId ?? '',
): PlannedAttempt | null {
  const lead = state ?? initialRotationState(leadId, ctx.schedule.bands.length);
  const slots = zoneSlots(ctx, zones, leadId);
  if (!slots) return null;

  let promised = false;
  let promiseConflict: string | null = null;
  let earliest = earliestNextAttempt(lead, zones, ctx.schedule, now);
  if (lead.promise && lead.status === 'active') {
    const { at } = lead.promise;
    const tolerance = ctx.schedule.promiseToleranceMinutes * MINUTE_MS;
    if (now <= at + tolerance) {
      const when = Math.max(at, Math.ceil(now / MINUTE_MS) * MINUTE_MS);
      if (isAllowedAt({ leadId, zones, recentCalls: lead.recentAttemptsAt }, ctx.rep, ctx.schedule, when)) {
        return describe(leadId, when, zones, ctx, true, null, undefined, lead);
      }
      promiseConflict = 'The promised time is no longer inside the calling window';
    } else {
      promiseConflict = 'The promised time has passed';
    }
    // A promise we cannot keep where stated is still owed: the gap rule does not push it further out.
    promised = true;
    const capped = capsNotBefore(legalSubject({ leadId, zones, recentCalls: lead.recentAttemptsAt }), now);
    earliest = Math.ceil(Math.max(now, at - PROMISE_EARLY_MS, capped) / MINUTE_MS) * MINUTE_MS;
  }
  if (!isWorkable(lead, ctx.schedule, now) && !promised) return null;

  const limit = promised ? Number.POSITIVE_INFINITY : cadenceEnd(lead, ctx.schedule);
  const reference = zones.zones[0];
  const startDay = localDay(reference, earliest);
  const bandCount = ctx.schedule.bands.length;
  const learning = ctx.strategy === 'learning' && ctx.model.informed;
  const random = learning ? seededRandom(hashSeed(leadId, ctx.seed, lead.attempts, startDay)) : null;
  const segmentNo = learning ? segmentNumber(ctx.model, reference) : 0;
  let bestBand = -1;
  let bestAt = 0;
  let bestInBlock = false;
  let bestDay = 0;
  let bestHour: number | undefined;
  if (random) {
    const found = chooseLearnedSlot(lead, ctx, slots, earliest, limit, startDay, random, reference, segmentNo);
    if (found) ({ band: bestBand, at: bestAt, inBlock: bestInBlock, day: bestDay, hour: bestHour } = found);
  } else {
    for (let band = 0; band < bandCount; band++) {
      let windowAt: number | null = null;
      let windowDay = 0;
      let blockAt: number | null = null;
      let day = startDay;
      for (; day < startDay + ctx.schedule.rotationLookaheadDays; day++) {
        const slotsOfDay = daySlots(ctx, slots, day);
        if (windowAt === null) {
          windowAt = firstAtOrAfter(slotsOfDay.window[band], earliest, limit);
          windowDay = day;
        }
        if (!ctx.hasBlocks) {
          if (windowAt !== null) break;
          continue;
        }
        blockAt = firstAtOrAfter(slotsOfDay.block[band], earliest, limit);
        if (blockAt !== null) break;
      }
      if (windowAt === null) continue;
      const inBlock = blockAt !== null;
      const at = blockAt ?? windowAt;
      if (bestBand < 0 || better(lead, ctx, band, at, inBlock, bestBand, bestAt, bestInBlock)) {
        bestBand = band;
        bestAt = at;
        bestInBlock = inBlock;
        bestDay = inBlock ? day : windowDay;
      }
    }
  }
  if (bestBand >= 0) return describe(leadId, bestAt, zones, ctx, promised, promiseConflict, bestInBlock, lead, { band: bestBand, day: bestDay, hour: bestHour });

  // Nothing within the look-ahead (a holiday, a narrow window): take the first legal slot in any band.
  for (let day = startDay + ctx.schedule.rotationLookaheadDays; day < startDay + MAX_SEARCH_DAYS; day++) {
    const slotsOfDay = daySlots(ctx, slots, day);
    let dayBest: number | null = null;
    for (let band = 0; band < bandCount; band++) {
      const at = firstAtOrAfter(slotsOfDay.window[band], earliest, limit);
      if (at !== null && (dayBest === null || at < dayBest)) dayBest = at;
    }
    if (dayBest !== null) return describe(leadId, dayBest, zones, ctx, promised, promiseConflict, undefined, lead);
  }
  return null;
}

function better(
  lead: LeadRotationState,
  ctx: PlanningContext,
  band: number,
  at: number,
  inBlock: boolean,
  bestBand: number,
  bestAt: number,
  bestInBlock: boolean,
): boolean {
  const tries = lead.bandTries[band] ?? 0;
  const bestTries = lead.bandTries[bestBand] ?? 0;
  if (tries !== bestTries) return tries < bestTries;
  const rate = ctx.rates[band];
  const bestRate = ctx.rates[bestBand];
  if (rate !== bestRate) return rate > bestRate;
  if (inBlock !== bestInBlock) return inBlock;
  return at < bestAt;
}

function describe(
  leadId: LeadId,
  at: number,
  zones: LeadZones,
  ctx: PlanningContext,
  promised: boolean,
  promiseConflict: string | null,
  inBlock?: boolean,
  lead?: LeadRotationState,
  /** The band, local day (and hour) of `at` when the caller already knows them. */
  known?: { band: number; day: number; hour?: number },
): PlannedAttempt {
  const zone = zones.zones[0];
  const band = known ? known.band : bandIndexAt(ctx.schedule.bands, zone, at);
  const plan: PlannedAttempt = {
    leadId,
    at,
    band: band >= 0 ? ctx.schedule.bands[band].id : null,
    promised,
    inBlock: inBlock ?? isInBlock(ctx, at),
    promiseConflict,
  };
  // The learning planner says how likely it thinks the lead answers then (the block queue and the strip use it).
  if (ctx.strategy === 'learning' && ctx.model.informed && band >= 0) {
    const answers = lead?.bandAnswers?.[band] ?? 0;
    const failures = Math.max(0, (lead?.bandTries[band] ?? 0) - answers);
    const hour = known?.hour ?? Math.floor(localMinuteOfDay(zone, at) / 60);
    plan.chance = leadChance(ctx.model, zone, band, weekdayOfDay(known ? known.day : localDay(zone, at)), failures, answers, hourFactor(ctx.model, band, hour));
  }
  return plan;
}

function isInBlock(ctx: PlanningContext, at: number): boolean {
  const blocks = ctx.blocks ?? expandDialBlocks(ctx.schedule.dialBlocks, ctx.rep, at - DAY_MS, at + DAY_MS);
  return contains(blockIntervals(blocks, at - DAY_MS, at + DAY_MS), at);
}

export interface LeadPlanInput {
  leadId: LeadId;
  state: LeadRotationState | undefined;
  zones: LeadZones;
}

/** The next attempt of every workable lead, earliest first (ties by lead id, so the order is stable). */
export function planAll(leads: Iterable<LeadPlanInput>, now: number, ctx: PlanningContext): PlannedAttempt[] {
  const plans: PlannedAttempt[] = [];
  for (const { leadId, state, zones } of leads) {
    const plan = planNextAttempt(state, zones, now, ctx, leadId);
    if (plan) plans.push(plan);
  }
  return plans.sort((a, b) => a.at - b.at || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
}
