import { join } from 'node:path';
import { createEvents, type EventAttributes } from 'ics';
import type { ReturnsSlots } from '../../../shared/dial-block.js';
import type { z } from 'zod';
import { returnsSlotsSchema } from '../../../shared/contract/returns.js';
import { readSideFile } from '../store/side-file.js';
import { writeAtomically } from '../store/write-atomically.js';
import { TZDate } from '@date-fns/tz';
import { addDays, getDay } from 'date-fns';
import { atWallMinute, dayIn } from '../timezones/calendar.js';
import { clockMinutes } from '../timezones/zone-clock.js';

/** Weekdays 11:30–12:00 and 16:30–17:00: late morning and late afternoon, when callers wait least. */
export const DEFAULT_RETURNS_SLOTS: ReturnsSlots = Object.fromEntries(
  [1, 2, 3, 4, 5].map((day) => [
    String(day),
    [
      { start: '11:30', end: '12:00' },
      { start: '16:30', end: '17:00' },
    ],
  ]),
);

export interface SlotInstance {
  startsAt: number;
  endsAt: number;
}

/** How far ahead a slot is looked for: a rep with one slot a week still gets it. */
const SEARCH_DAYS = 15;

/**
 * The slot a waiting caller belongs to at `at`: the one running then, else the next to start.
 * Slots are wall times in the rep's zone; one whose end is before its start runs past midnight.
 * Computed from the slots as they are now, so editing them moves every waiting call at once.
 */
export function slotAt(slots: ReturnsSlots, zone: string, at: number): SlotInstance | null {
  const today = dayIn(zone, at);
  let best: SlotInstance | null = null;
  // From yesterday: a slot that started before midnight may still be running.
  for (let offset = -1; offset <= SEARCH_DAYS; offset++) {
    const day = addDays(today, offset);
    for (const slot of slots[String(getDay(day))] ?? []) {
      const start = clockMinutes(slot.start);
      const end = clockMinutes(slot.end);
      const startsAt = atWallMinute(day, start).getTime();
      const endsAt = atWallMinute(end > start ? day : addDays(day, 1), end).getTime();
      if (endsAt <= at) continue;
      if (!best || startsAt < best.startsAt) best = { startsAt, endsAt };
    }
    if (best && best.startsAt <= atWallMinute(addDays(day, 1), 0).getTime()) return best;
  }
  return best;
}

/** Every slot instance starting in `[from, until)`. */
export function slotsBetween(slots: ReturnsSlots, zone: string, from: number, until: number): SlotInstance[] {
  const found: SlotInstance[] = [];
  for (let at = from; at < until; ) {
    const next = slotAt(slots, zone, at);
    if (!next || next.startsAt >= until) break;
    if (next.startsAt >= from) found.push(next);
    at = next.endsAt;
  }
  return found;
}

/** The rep's slots, kept in `returns-slots.json`. */
export class ReturnsSlotsFile {
  private constructor(
    private readonly path: string,
    private value: ReturnsSlots,
    /** Set when the file was damaged and set aside (the default slots are in use). */
    readonly notice: string | null,
  ) {}

  static load(dataDir: string, now: Date = new Date()): ReturnsSlotsFile {
    const path = join(dataDir, 'returns-slots.json');
    const file = readSideFile<ReturnsSlots>(path, returnsSlotsSchema as z.ZodType<ReturnsSlots>, () => DEFAULT_RETURNS_SLOTS, now);
    return new ReturnsSlotsFile(path, file.value, file.notice);
  }

  get(): ReturnsSlots {
    return this.value;
  }

  async save(slots: ReturnsSlots): Promise<ReturnsSlots> {
    await writeAtomically(this.path, [`${JSON.stringify(slots, null, 1)}\n`]);
    this.value = slots;
    return slots;
  }
}

/** The slots of the coming `days` as an iCalendar file (the `ics` package), one event each. */
export function slotsCalendar(slots: ReturnsSlots, zone: string, from: number, days: number, describe: (slot: SlotInstance) => string): string {
  const events: EventAttributes[] = slotsBetween(slots, zone, from, addDays(new TZDate(from, zone), days).getTime()).map((slot) => ({
    start: slot.startsAt,
    end: slot.endsAt,
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: 'Dialdesk returns slot',
    description: describe(slot),
    uid: `dialdesk-returns-${slot.startsAt}@dialdesk`,
    productId: 'dialdesk/returns',
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`the calendar could not be written: ${error?.message ?? 'no output'}`);
  return value;
}
