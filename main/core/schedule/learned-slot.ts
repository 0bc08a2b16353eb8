/**
 * Where the learning planner sends a lead's next attempt (see planner.ts):
 * the best Thompson draw over every band on every day of the look-ahead,
 * discounted per day of waiting.
 */
import type { LeadRotationState } from '../../../shared/schedule.js';
import { weekdayOfDay } from '../timezones/zone-clock.js';
import { leadChanceBound, sampleLeadChance, type AnswerModel } from './answer-model.js';
import type { Random } from './seeded-random.js';
import { daySlots, firstAtOrAfter, type DaySlots, type SlotTables, type ZoneSlots } from './slot-tables.js';

/**
 * What a day's wait costs, as a share of the chance: a lead planned a day
 * later is worth 0.9 of the same chance today (leads cool, the cadence runs
 * on, and a plan further out is more likely to be overtaken). It is what
 * keeps a lead from waiting a week for a slightly better day; a weekday that
 * answers far better is still worth the wait.
 */
export const WAIT_DISCOUNT = 0.9;

export interface LearnedSlot {
  band: number;
  at: number;
  inBlock: boolean;
  day: number;
}

/** Per day of the look-ahead, a band's first slot (reused across leads: planning is single-threaded). */
const dayAt: (number | null)[] = [];

/**
 * The learning planner's choice: every (band, day) within the look-ahead is a
 * candidate (a band's first slot that day, inside a dial block when the band
 * has one in the look-ahead), scored by a Thompson draw of the lead's chance
 * there (band and local weekday) times WAIT_DISCOUNT per day of waiting.
 */
export function chooseLearnedSlot(
  lead: LeadRotationState,
  ctx: SlotTables & { readonly model: AnswerModel },
  slots: ZoneSlots,
  earliest: number,
  limit: number,
  startDay: number,
  random: Random,
  reference: string,
  segmentNo: number,
): LearnedSlot | null {
  const lookahead = ctx.schedule.rotationLookaheadDays;
  const days: DaySlots[] = [];
  for (let d = 0; d < lookahead; d++) days.push(daySlots(ctx, slots, startDay + d));
  let best: LearnedSlot | null = null;
  let bestScore = -1;
  for (let band = 0; band < ctx.schedule.bands.length; band++) {
    const answers = lead.bandAnswers?.[band] ?? 0;
    const failures = Math.max(0, (lead.bandTries[band] ?? 0) - answers);
    // With dial blocks, a band's candidates are its block slots; only a band no block reaches falls back to its window slots.
    let inBlock = false;
    if (ctx.hasBlocks) {
      for (let d = 0; d < lookahead; d++) {
        dayAt[d] = firstAtOrAfter(days[d].block[band], earliest, limit);
        if (dayAt[d] !== null) inBlock = true;
      }
    }
    if (!inBlock) for (let d = 0; d < lookahead; d++) dayAt[d] = firstAtOrAfter(days[d].window[band], earliest, limit);
    let discount = 1;
    for (let d = 0; d < lookahead; d++, discount *= WAIT_DISCOUNT) {
      const at = dayAt[d];
      if (at === null) continue;
      const weekday = weekdayOfDay(startDay + d);
      if (discount * leadChanceBound(ctx.model, reference, segmentNo, band, weekday, failures, answers) <= bestScore) continue;
      const score = discount * sampleLeadChance(ctx.model, reference, segmentNo, band, weekday, failures, random, answers);
      if (score > bestScore) {
        bestScore = score;
        best = { band, at, inBlock, day: startDay + d };
      }
    }
  }
  return best;
}
