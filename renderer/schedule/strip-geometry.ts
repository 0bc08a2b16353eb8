import type { Outcome } from '../../shared/domain.js';
import type { Band, LocalWindow } from '../../shared/schedule.js';
import { clockToMinutes, minuteOfDay } from './zoned-time.js';

export const MINUTES_PER_DAY = 24 * 60;
/** Marks closer than this (in minutes of the day) go on separate lanes so each stays visible. */
export const LANE_GAP_MINUTES = 25;
export const MAX_LANES = 4;

export interface StripAttempt {
  id: string;
  startedAt: string;
  outcome: Outcome;
}

export interface StripMark {
  id: string;
  /** Minute of the lead's local day, 0–1439. */
  minute: number;
  outcome: Outcome;
  /** 0 = on the axis; higher lanes sit further from it. */
  lane: number;
  startedAt: string;
}

export interface StripSpan {
  start: number;
  end: number;
}

export interface StripModel {
  legal: StripSpan | null;
  /**
   * `chance`: the planner's estimated answer chance in the band (0–1), null before it has learned;
   * `shade`: that chance relative to the lead's likeliest band (0–1), which the strip draws.
   */
  bands: Array<StripSpan & { id: string; tries: number; chance: number | null; shade: number | null }>;
  marks: StripMark[];
  next: { minute: number; promised: boolean } | null;
  now: number | null;
}

const span = (window: LocalWindow): StripSpan | null => {
  const start = clockToMinutes(window.start);
  const end = clockToMinutes(window.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
  return { start: Math.max(0, start), end: Math.min(MINUTES_PER_DAY, end) };
};

/**
 * Everything the 24-hour strip draws, in minutes of the lead's local day: the
 * legal window, the bands with their tries and learned answer chance, each attempt (folded onto one day
 * so rotation across bands shows at a glance) and the next planned attempt.
 */
export function stripModel(input: {
  zone: string;
  bands: Array<Band & { tries?: number; chance?: number | null }>;
  legalWindow: LocalWindow | null;
  attempts: StripAttempt[];
  next: { at: string; promised: boolean } | null;
  now: Date | null;
}): StripModel {
  const { zone } = input;
  const likeliest = Math.max(0, ...input.bands.map((band) => band.chance ?? 0));
  const bands = input.bands.flatMap((band) => {
    const s = span(band);
    const chance = band.chance ?? null;
    return s ? [{ ...s, id: band.id, tries: band.tries ?? 0, chance, shade: chance === null || likeliest === 0 ? null : chance / likeliest }] : [];
  });
  const placed: StripMark[] = [];
  const sorted = input.attempts
    .flatMap((a) => {
      const minute = minuteOfDay(a.startedAt, zone);
      return minute === null ? [] : [{ id: a.id, minute, outcome: a.outcome, startedAt: a.startedAt, lane: 0 }];
    })
    .sort((a, b) => a.minute - b.minute || a.startedAt.localeCompare(b.startedAt));
  // Greedy lanes: the lowest lane whose last mark is far enough to the left.
  const laneEnds: number[] = [];
  for (const mark of sorted) {
    let lane = laneEnds.findIndex((end) => mark.minute - end >= LANE_GAP_MINUTES);
    if (lane === -1) lane = laneEnds.length < MAX_LANES ? laneEnds.length : MAX_LANES - 1;
    laneEnds[lane] = mark.minute;
    placed.push({ ...mark, lane });
  }
  const nextMinute = input.next ? minuteOfDay(input.next.at, zone) : null;
  return {
    legal: input.legalWindow ? span(input.legalWindow) : null,
    bands,
    marks: placed,
    next: nextMinute === null || !input.next ? null : { minute: nextMinute, promised: input.next.promised },
    now: input.now ? minuteOfDay(input.now, zone) : null,
  };
}
