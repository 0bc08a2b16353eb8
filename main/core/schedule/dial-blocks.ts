import type { DialBlock, DialBlockTemplate } from '../../../shared/schedule.js';
import { clockMinutes, instantAtLocal, isoDateOfDay, localDay, weekdayOfDay } from '../timezones/zone-clock.js';
import type { RepCalendar } from './calling-window.js';
import { clip, normalize, type Interval } from '../timezones/intervals.js';

/**
 * Concrete dial blocks from the rep's recurring templates between `from` and
 * `to`, in the rep's zone, skipping days marked off. Ids are
 * `YYYY-MM-DD@HH:MM` so the same block gets the same id on every expansion.
 */
export function expandDialBlocks(
  templates: DialBlockTemplate[],
  rep: Pick<RepCalendar, 'repTimeZone' | 'daysOff'>,
  from: number,
  to: number,
): DialBlock[] {
  const zone = rep.repTimeZone;
  const blocks: DialBlock[] = [];
  for (let day = localDay(zone, from) - 1; day <= localDay(zone, to) + 1; day++) {
    const date = isoDateOfDay(day);
    if (rep.daysOff.includes(date)) continue;
    const weekday = weekdayOfDay(day);
    for (const template of templates) {
      if (!template.days.includes(weekday)) continue;
      const startsAt = instantAtLocal(zone, day, clockMinutes(template.start));
      const endsAt = instantAtLocal(zone, day, clockMinutes(template.end));
      if (endsAt <= from || startsAt >= to || startsAt >= endsAt) continue;
      blocks.push({ id: `${date}@${template.start}`, startsAt, endsAt });
    }
  }
  return blocks.sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
}

/** Block time in `[from, to)` as merged intervals. */
export function blockIntervals(blocks: DialBlock[], from: number, to: number): Interval[] {
  return clip(normalize(blocks.map((block) => ({ start: block.startsAt, end: block.endsAt }))), from, to);
}

/** The block running at `ms`, if any (the earliest-starting one when blocks overlap). */
export function blockAt(blocks: DialBlock[], ms: number): DialBlock | null {
  let found: DialBlock | null = null;
  for (const block of blocks) {
    if (ms >= block.startsAt && ms < block.endsAt && (!found || block.startsAt < found.startsAt)) found = block;
  }
  return found;
}
