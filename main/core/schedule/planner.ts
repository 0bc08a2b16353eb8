/*
 * Over 300 lines on purpose: the planner is one pure algorithm (band choice,
 * gaps, cadence, windows, promises) whose steps share the PlanningContext's
 * caches; split across files its order of checks would be harder to follow.
 */

/**
 * The rotation planner: given a lead's folded state, its zones, the rep's
 * calendar and "now", returns the next attempt. Pure and deterministic; all
 * caches live in the PlanningContext the caller creates (one per planning
 * run, or kept while settings do not change) and only memoise pure results.
 *
 * Rule, in order: a standing promise is pinned where it was stated; else the
 * attempt goes to the band this lead was tried in least, among bands with a
 * legal slot within the look-ahead; ties go to the band with the better
 * connect rate over the rep's whole history, then to a band with a slot in a
 * planned dial block, then to the earliest slot.
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
import { DAY_MS, instantAtLocal, localDay, MINUTE_MS } from '../timezones/zone-clock.js';
import { bandIndexAt, bandMinutes } from '../rotation/bands.js';
import {
  isAllowedAt,
  leadIntervals,
  leadMinuteWindow,
  workingIntervals,
  type MinuteWindow,
  type RepCalendar,
} from './calling-window.js';
import { blockIntervals, expandDialBlocks } from './dial-blocks.js';
import { contains, intersect, type Interval } from './intervals.js';
import { bandConnectRates, emptyBandStats, initialRotationState, PROMISE_EARLY_MS } from '../rotation/rotation-state.js';

/** How far past the look-ahead the planner searches before it gives up (a long holiday). */
const MAX_SEARCH_DAYS = 60;

export interface PlanningContextInput {
  rep: RepCalendar;
  schedule: ScheduleSettings;
  bandStats?: BandStats;
  /** Concrete dial blocks; when omitted they are expanded from `schedule.dialBlocks`. */
  blocks?: DialBlock[];
}

export interface PlanningContext {
  readonly rep: RepCalendar;
  readonly schedule: ScheduleSettings;
  readonly rates: number[];
  readonly blocks: DialBlock[] | null;
  /** Memoised slot tables per (zones, window); pure functions of the settings above. */
  readonly slots: Map<string, ZoneSlots>;
}

/** Per local day of the reference zone: for each band, allowed intervals and those inside dial blocks. */
interface DaySlots {
  window: Interval[][];
  block: Interval[][];
}

interface ZoneSlots {
  zones: string[];
  window: MinuteWindow;
  days: Map<number, DaySlots>;
}

export function createPlanningContext(input: PlanningContextInput): PlanningContext {
  const count = input.schedule.bands.length;
  return {
    rep: input.rep,
    schedule: input.schedule,
    rates: bandConnectRates(input.bandStats ?? emptyBandStats(count), count),
    blocks: input.blocks ? [...input.blocks].sort((a, b) => a.startsAt - b.startsAt) : null,
    slots: new Map(),
  };
}

const slotKeys = new WeakMap<LeadZones, Map<string, string>>();

function zoneSlots(ctx: PlanningContext, zones: LeadZones, leadId: LeadId): ZoneSlots | null {
  const window = leadMinuteWindow(zones, leadId, ctx.schedule);
  if (!window || zones.zones.length === 0) return null;
  // Key by zones and effective window; memoised on the (cached) LeadZones object to skip string building.
  let perWindow = slotKeys.get(zones);
  if (!perWindow) {
    perWindow = new Map();
    slotKeys.set(zones, perWindow);
  }
  const windowKey = `${window.start}-${window.end}`;
  let key = perWindow.get(windowKey);
  if (key === undefined) {
    key = `${zones.zones.join('|')}#${windowKey}`;
    perWindow.set(windowKey, key);
  }
  let slots = ctx.slots.get(key);
  if (!slots) {
    slots = { zones: zones.zones, window, days: new Map() };
    ctx.slots.set(key, slots);
  }
  return slots;
}

function daySlots(ctx: PlanningContext, slots: ZoneSlots, day: number): DaySlots {
  let found = slots.days.get(day);
  if (found) return found;
  const reference = slots.zones[0];
  const dayStart = instantAtLocal(reference, day, 0);
  const dayEnd = instantAtLocal(reference, day + 1, 0);
  const allowed = intersect(
    leadIntervals(slots.zones, slots.window, dayStart, dayEnd),
    workingIntervals(ctx.rep, dayStart, dayEnd),
  );
  const blocks = ctx.blocks
    ? blockIntervals(ctx.blocks, dayStart, dayEnd)
    : blockIntervals(expandDialBlocks(ctx.schedule.dialBlocks, ctx.rep, dayStart, dayEnd), dayStart, dayEnd);
  const window: Interval[][] = [];
  const block: Interval[][] = [];
  for (const band of bandMinutes(ctx.schedule.bands)) {
    const bandInterval = [{ start: instantAtLocal(reference, day, band.start), end: instantAtLocal(reference, day, band.end) }];
    const inBand = intersect(bandInterval, allowed);
    window.push(inBand);
    block.push(blocks.length > 0 ? intersect(inBand, blocks) : []);
  }
  found = { window, block };
  slots.days.set(day, found);
  return found;
}

function firstAtOrAfter(list: Interval[], from: number, before: number): number | null {
  for (const interval of list) {
    if (interval.end <= from) continue;
    const at = Math.max(interval.start, from);
    return at < before ? at : null;
  }
  return null;
}

/** Earliest instant the minimum gap allows after the last attempt. */
export function earliestNextAttempt(
  state: LeadRotationState,
  zones: LeadZones,
  schedule: ScheduleSettings,
  now: number,
): number {
  let earliest = now;
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
      if (isAllowedAt(zones, leadId, ctx.rep, ctx.schedule, when)) {
        return describe(leadId, when, zones, ctx, true, null);
      }
      promiseConflict = 'The promised time is no longer inside the calling window';
    } else {
      promiseConflict = 'The promised time has passed';
    }
    // A promise we cannot keep where stated is still owed: the gap rule does not push it further out.
    promised = true;
    earliest = Math.ceil(Math.max(now, at - PROMISE_EARLY_MS) / MINUTE_MS) * MINUTE_MS;
  }
  if (!isWorkable(lead, ctx.schedule, now) && !promised) return null;

  const limit = promised ? Number.POSITIVE_INFINITY : cadenceEnd(lead, ctx.schedule);
  const startDay = localDay(zones.zones[0], earliest);
  const bandCount = ctx.schedule.bands.length;
  let bestBand = -1;
  let bestAt = 0;
  let bestInBlock = false;
  for (let band = 0; band < bandCount; band++) {
    let windowAt: number | null = null;
    let blockAt: number | null = null;
    for (let day = startDay; day < startDay + ctx.schedule.rotationLookaheadDays; day++) {
      const slotsOfDay = daySlots(ctx, slots, day);
      if (windowAt === null) windowAt = firstAtOrAfter(slotsOfDay.window[band], earliest, limit);
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
    }
  }
  if (bestBand >= 0) return describe(leadId, bestAt, zones, ctx, promised, promiseConflict, bestInBlock);

  // Nothing within the look-ahead (a holiday, a narrow window): take the first legal slot in any band.
  for (let day = startDay + ctx.schedule.rotationLookaheadDays; day < startDay + MAX_SEARCH_DAYS; day++) {
    const slotsOfDay = daySlots(ctx, slots, day);
    let dayBest: number | null = null;
    for (let band = 0; band < bandCount; band++) {
      const at = firstAtOrAfter(slotsOfDay.window[band], earliest, limit);
      if (at !== null && (dayBest === null || at < dayBest)) dayBest = at;
    }
    if (dayBest !== null) return describe(leadId, dayBest, zones, ctx, promised, promiseConflict);
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
): PlannedAttempt {
  const band = bandIndexAt(ctx.schedule.bands, zones.zones[0], at);
  return {
    leadId,
    at,
    band: band >= 0 ? ctx.schedule.bands[band].id : null,
    promised,
    inBlock: inBlock ?? isInBlock(ctx, at),
    promiseConflict,
  };
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

/**
 * The next attempt of every workable lead, earliest first (ties by lead id, so the order is stable).
 * Not called by the product yet: issue 9 (Dial blocks) plans a block's leads with it.
 */
export function planAll(leads: Iterable<LeadPlanInput>, now: number, ctx: PlanningContext): PlannedAttempt[] {
  const plans: PlannedAttempt[] = [];
  for (const { leadId, state, zones } of leads) {
    const plan = planNextAttempt(state, zones, now, ctx, leadId);
    if (plan) plans.push(plan);
  }
  return plans.sort((a, b) => a.at - b.at || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
}
