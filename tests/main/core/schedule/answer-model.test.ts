import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';
import { buildAnswerModel, hourFactor, populationMean, sampleHourFactor } from '../../../../main/core/schedule/answer-model.js';
import { seededRandom } from '../../../../main/core/schedule/seeded-random.js';

const bands = DEFAULT_SCHEDULE_SETTINGS.bands;

/** The rep's history from dials and answer rates per (local hour, weekday), hours 8–19 in the default bands. */
function stats(dialsAt: (hour: number, weekday: number) => number, rateAt: (hour: number, weekday: number) => number) {
  const hourDials = new Array<number>(168).fill(0);
  const hourConversations = new Array<number>(168).fill(0);
  const weekdayDials = new Array<number>(42).fill(0);
  const weekdayConversations = new Array<number>(42).fill(0);
  const dials = new Array<number>(6).fill(0);
  const conversations = new Array<number>(6).fill(0);
  for (let h = 8; h < 20; h++) {
    const band = Math.floor((h - 8) / 2);
    for (let w = 0; w < 7; w++) {
      const d = dialsAt(h, w);
      const c = Math.round(d * rateAt(h, w));
      hourDials[h * 7 + w] = d;
      hourConversations[h * 7 + w] = c;
      weekdayDials[band * 7 + w] += d;
      weekdayConversations[band * 7 + w] += c;
      dials[band] += d;
      conversations[band] += c;
    }
  }
  return { dials, conversations, weekdayDials, weekdayConversations, hourDials, hourConversations };
}

describe('the answer model’s hours', () => {
  it('finds the hour of a band where people answer', () => {
    const model = buildAnswerModel(stats(() => 200, (h) => (h === 19 ? 0.3 : 0.1)), bands);
    expect(hourFactor(model, 5, 19)).toBeGreaterThan(1.2);
    expect(hourFactor(model, 5, 18)).toBeLessThan(0.8);
    expect(hourFactor(model, 0, 8)).toBeCloseTo(1, 1);
  });

  it('does not credit an hour with its weekdays: an hour dialled on the good day is no better for it', () => {
    // Sunday (weekday 0) answers three times as often at every hour; 18:00 was dialled only on Sundays, 19:00 only on Mondays.
    const model = buildAnswerModel(
      stats((h, w) => (h === 18 ? (w === 0 ? 600 : 0) : h === 19 ? (w === 1 ? 600 : 0) : 100), (_h, w) => (w === 0 ? 0.3 : 0.1)),
      bands,
    );
    expect(hourFactor(model, 5, 18)).toBeGreaterThan(0.85);
    expect(hourFactor(model, 5, 18)).toBeLessThan(1.15);
    expect(hourFactor(model, 5, 19)).toBeGreaterThan(0.85);
    expect(hourFactor(model, 5, 19)).toBeLessThan(1.15);
  });

  it('says nothing about hours when the history does not count them', () => {
    const { dials, conversations } = stats(() => 200, (h) => (h === 19 ? 0.3 : 0.1));
    const model = buildAnswerModel({ dials, conversations }, bands);
    const random = seededRandom(1);
    expect(hourFactor(model, 5, 19)).toBe(1);
    expect(sampleHourFactor(model, 5, 19, random)).toBe(1);
  });
});

describe('the answer model’s weekdays', () => {
  it('does not credit a weekday with the band it was dialled in: a morning of the best band is no better a day', () => {
    // Mornings (8–10) answer 40%, the rest of the day 12%, every weekday alike. Wednesday (3) was dialled all day;
    // Thursday (4) only in its first, best band so far, as a rep's second morning is.
    const model = buildAnswerModel(
      stats((h, w) => (w === 3 ? 60 : w === 4 && h < 10 ? 30 : 0), (h) => (h < 10 ? 0.4 : 0.12)),
      bands,
    );
    const lunch = 2;
    const wednesday = populationMean(model, undefined, lunch, 3);
    const thursday = populationMean(model, undefined, lunch, 4);
    expect(thursday / wednesday).toBeGreaterThan(0.85);
    expect(thursday / wednesday).toBeLessThan(1.15);
  });

  it('still finds a weekday that answers better in every band', () => {
    const model = buildAnswerModel(stats(() => 100, (_h, w) => (w === 3 ? 0.3 : 0.1)), bands);
    expect(populationMean(model, undefined, 2, 3) / populationMean(model, undefined, 2, 1)).toBeGreaterThan(2);
  });
});
