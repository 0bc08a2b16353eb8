/**
 * Where the learning planner sends a lead's next attempt (see planner.ts):
 * the best Thompson draw over every hour of every band on every day of the
 * look-ahead, discounted per day of waiting.
 */
import type { LeadRotationState } from '../../../shared/schedule.js';
import { weekdayOfDay } from '../timezones/zone-clock.js';
import { bestHourFactor, hourFactor, sampleHourFactor, sampleLeadChance, type AnswerModel } from './answer-model.js';
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
  /** The whole local hour of `at`. */
  hour: number;
  at: number;
  inBlock: boolean;
  day: number;
}

/** A band's hours, best draw first, and their draws (reused across leads: planning is single-threaded). */
const hourOrder: number[] = [];
const hourDraw: number[] = [];
/** The look-ahead's day tables of the lead being planned (reused likewise: an array per lead was garbage per lead). */
const days: DaySlots[] = [];

/**
 * The learning planner's choice: every (band, day) within the look-ahead is a
 * candidate (its first slot that day in the band's hour with the best drawn
 * factor that has one, inside a dial block when the band has one in the
 * look-ahead), scored by a Thompson draw of the lead's chance there (band and
 * local weekday, times the hour's estimated factor) times WAIT_DISCOUNT per
 * day of waiting.
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
  const { model } = ctx;
  const lookahead = ctx.schedule.rotationLookaheadDays;
  days.length = lookahead;
  for (let d = 0; d < lookahead; d++) days[d] = daySlots(ctx, slots, startDay + d);
  let best: LearnedSlot | null = null;
  let bestScore = -1;
  for (let band = 0; band < ctx.schedule.bands.length; band++) {
    const answers = lead.bandAnswers?.[band] ?? 0;
    const failures = Math.max(0, (lead.bandTries[band] ?? 0) - answers);
    // With dial blocks, a band's candidates are its block slots; only a band no block reaches falls back to its window slots.
    let inBlock = false;
    if (ctx.hasBlocks) {
      for (let d = 0; d < lookahead && !inBlock; d++) inBlock = firstAtOrAfter(days[d].block[band], earliest, limit) !== null;
    }
    const hours = model.bandHours[band];
    const topFactor = bestHourFactor(model, band);
    let drawn = false;
    let discount = 1;
    for (let d = 0; d < lookahead; d++, discount *= WAIT_DISCOUNT) {
      const weekday = weekdayOfDay(startDay + d);
      // No draw here can win even in the band's best hour: skip before looking for a slot.
      if (discount * sampleLeadChance(model, reference, segmentNo, band, weekday, failures, 1, answers, topFactor) <= bestScore) continue;
      if (!drawn) {
        drawHours(model, band, hours, random);
        drawn = true;
      }
      const day = days[d];
      const list = inBlock ? day.block[band] : day.window[band];
      let at: number | null = null;
      let k = 0;
      for (; k < hours.length && at === null; k++) {
        const hour = hourOrder[k];
        at = firstAtOrAfter(list, Math.max(earliest, day.hourStarts[hour]), Math.min(limit, day.hourStarts[hour + 1]));
      }
      if (at === null) continue;
      const factor = hourFactor(model, band, hourOrder[k - 1]);
      const score = discount * sampleLeadChance(model, reference, segmentNo, band, weekday, failures, random(), answers, factor);
      if (score > bestScore) {
        bestScore = score;
        best = { band, hour: hourOrder[k - 1], at, inBlock, day: startDay + d };
      }
    }
  }
  return best;
}

/** Draws each hour's factor for this lead and orders the band's hours best first (a band has a few hours: insertion). */
function drawHours(model: AnswerModel, band: number, hours: readonly number[], random: Random): void {
  for (let i = 0; i < hours.length; i++) {
    const factor = sampleHourFactor(model, band, hours[i], random);
    let j = i;
    for (; j > 0 && hourDraw[j - 1] < factor; j--) {
      hourDraw[j] = hourDraw[j - 1];
      hourOrder[j] = hourOrder[j - 1];
    }
    hourDraw[j] = factor;
    hourOrder[j] = hours[i];
  }
}
