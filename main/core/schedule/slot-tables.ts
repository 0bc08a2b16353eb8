/**
 * The planner's memoised slot tables: for a lead's zones, places and stricter
 * window, per local day and band, the instants the law, the rep's windows and
 * the rep's hours allow (calling-window.ts calendarIntervals, the gate's own
 * rule) and those inside dial blocks. Pure functions of the settings; kept in
 * the planning context so 100,000 leads in a few zones share a few tables.
 * Call caps depend on a lead's own calls: the planner applies them per lead.
 */
import type { LeadId } from '../../../shared/domain.js';
import type { DialBlock, LeadZones, ScheduleSettings } from '../../../shared/schedule.js';
import { DAY_MS, instantAtLocal, localSpans } from '../timezones/zone-clock.js';

const HOUR_MS = 3_600_000;
import { bandMinutes } from '../rotation/bands.js';
import { calendarIntervals, stricterMinuteWindow, type MinuteWindow, type RepCalendar } from './calling-window.js';
import { blockIntervals, expandDialBlocks } from './dial-blocks.js';
import { intersect, type Interval } from '../timezones/intervals.js';

export interface SlotTables {
  readonly rep: RepCalendar;
  readonly schedule: ScheduleSettings;
  readonly blocks: DialBlock[] | null;
  /** Memoised slot tables per zones and window (start × 2000 + end). */
  readonly slots: Map<string, Map<number, ZoneSlots>>;
  /** Whether any dial block can exist: without one the band search stops at a band's first legal slot. */
  readonly hasBlocks: boolean;
  /** Stricter window per country and places, for leads without a window of their own (memoised). */
  readonly countryWindows: Map<string, MinuteWindow | null>;
}

/** Per local day of the reference zone: for each band, allowed intervals and those inside dial blocks. */
export interface DaySlots {
  window: Interval[][];
  block: Interval[][];
  /** The instant each local hour 0–24 of the day starts (25 entries): where a band's hours begin and end. */
  hourStarts: number[];
}

export interface ZoneSlots {
  zones: LeadZones;
  window: MinuteWindow;
  days: Map<number, DaySlots>;
}

/** A list as one key part; one item (nearly every lead) is itself, with no array joined per lead per plan. */
const listKey = (list: readonly string[], separator: string) => (list.length === 1 ? list[0] : list.join(separator));
const placesKeyOf = (zones: LeadZones) => `${zones.country ?? ''}|${listKey(zones.places ?? [], ',')}`;

function minuteWindowOf(ctx: SlotTables, zones: LeadZones, leadId: LeadId, placesKey: string): MinuteWindow | null {
  if (ctx.schedule.leadWindows[leadId]) return stricterMinuteWindow({ leadId, zones }, ctx.schedule);
  let window = ctx.countryWindows.get(placesKey);
  if (window === undefined) {
    window = stricterMinuteWindow({ leadId: null, zones }, ctx.schedule);
    ctx.countryWindows.set(placesKey, window);
  }
  return window;
}

export function zoneSlots(ctx: SlotTables, zones: LeadZones, leadId: LeadId): ZoneSlots | null {
  const placesKey = placesKeyOf(zones);
  const window = minuteWindowOf(ctx, zones, leadId, placesKey);
  if (!window || zones.zones.length === 0 || (zones.places ?? []).length === 0) return null;
  // Keyed by zones, places and effective window (100,000 leads are 100,000 distinct LeadZones objects,
  // but they fall in a few hundred such keys).
  const zoneKey = `${listKey(zones.zones, '|')}#${placesKey}`;
  let perWindow = ctx.slots.get(zoneKey);
  if (!perWindow) {
    perWindow = new Map();
    ctx.slots.set(zoneKey, perWindow);
  }
  const windowKey = window.start * 2000 + window.end;
  let slots = perWindow.get(windowKey);
  if (!slots) {
    slots = { zones, window, days: new Map() };
    perWindow.set(windowKey, slots);
  }
  return slots;
}

export function daySlots(ctx: SlotTables, slots: ZoneSlots, day: number): DaySlots {
  let found = slots.days.get(day);
  if (found) return found;
  const reference = slots.zones.zones[0];
  const dayStart = instantAtLocal(reference, day, 0);
  const dayEnd = instantAtLocal(reference, day + 1, 0);
  const allowed = calendarIntervals({ leadId: null, zones: slots.zones }, slots.window, ctx.rep, dayStart, dayEnd);
  const blocks = ctx.blocks
    ? blockIntervals(ctx.blocks, dayStart, dayEnd)
    : blockIntervals(expandDialBlocks(ctx.schedule.dialBlocks, ctx.rep, dayStart, dayEnd), dayStart, dayEnd);
  const window: Interval[][] = [];
  const block: Interval[][] = [];
  for (const band of bandMinutes(ctx.schedule.bands)) {
    const inBand = intersect(localSpans(reference, day, band.start, band.end), allowed);
    window.push(inBand);
    block.push(blocks.length > 0 ? intersect(inBand, blocks) : []);
  }
  // A day without a clock change has its hours an hour apart; only the two days a year with one need the zone.
  const hourStarts = Array.from({ length: 25 }, (_, h) =>
    dayEnd - dayStart === DAY_MS ? dayStart + h * HOUR_MS : instantAtLocal(reference, day, h * 60),
  );
  found = { window, block, hourStarts };
  slots.days.set(day, found);
  return found;
}

export function firstAtOrAfter(list: Interval[], from: number, before: number): number | null {
  for (const interval of list) {
    if (interval.end <= from) continue;
    const at = Math.max(interval.start, from);
    return at < before ? at : null;
  }
  return null;
}
