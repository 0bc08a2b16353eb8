import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../../shared/schedule.js';
import { MAX_LANES, stripModel } from '../../../renderer/schedule/strip-geometry.js';

const attempt = (id: string, startedAt: string) => ({ id, startedAt, outcome: 'no-answer' as const });

describe('24-hour strip model', () => {
  it('folds attempts from several days onto one local day, and marks the legal window and the next attempt', () => {
    const model = stripModel({
      zone: 'America/Chicago',
      bands: DEFAULT_BANDS.map((b, i) => ({ ...b, tries: i === 0 ? 1 : 0 })),
      legalWindow: { start: '08:00', end: '21:00' },
      attempts: [attempt('a', '2026-12-01T14:10:00Z'), attempt('b', '2026-12-03T20:30:00Z')],
      next: { at: '2026-12-04T08:15:00-06:00', promised: true },
      now: new Date('2026-12-03T21:00:00Z'),
    });
    expect(model.legal).toEqual({ start: 480, end: 1260 });
    expect(model.marks.map((m) => [m.id, m.minute, m.lane])).toEqual([
      ['a', 8 * 60 + 10, 0],
      ['b', 14 * 60 + 30, 0],
    ]);
    expect(model.next).toEqual({ minute: 8 * 60 + 15, promised: true });
    expect(model.now).toBe(15 * 60);
    expect(model.bands[0]).toMatchObject({ id: '08-10', start: 480, end: 600, tries: 1 });
  });

  it('carries each band’s learned answer chance and shades it against the lead’s likeliest band', () => {
    const chances = [0.05, 0.1, null, 0.2, 0.4, 0.1];
    const model = stripModel({
      zone: 'UTC',
      bands: DEFAULT_BANDS.map((b, i) => ({ ...b, tries: 0, chance: chances[i] })),
      legalWindow: null,
      attempts: [],
      next: null,
      now: null,
    });
    expect(model.bands.map((b) => b.chance)).toEqual(chances);
    expect(model.bands.map((b) => b.shade)).toEqual([0.125, 0.25, null, 0.5, 1, 0.25]);
    // Before the planner has learned there is nothing to shade.
    const cold = stripModel({ zone: 'UTC', bands: DEFAULT_BANDS.map((b) => ({ ...b, chance: null })), legalWindow: null, attempts: [], next: null, now: null });
    expect(cold.bands.every((b) => b.shade === null)).toBe(true);
  });

  it('puts marks that would overlap on separate lanes, never more than the maximum', () => {
    const times = ['15:00', '15:05', '15:10', '15:15', '15:20', '16:00'].map((t, i) => attempt(String(i), `2026-12-0${i + 1}T${t}:00Z`));
    const model = stripModel({ zone: 'UTC', bands: [], legalWindow: null, attempts: times, next: null, now: null });
    const lanes = model.marks.map((m) => m.lane);
    expect(lanes.slice(0, MAX_LANES)).toEqual([0, 1, 2, 3]);
    expect(lanes[4]).toBe(MAX_LANES - 1);
    // 16:00 is far enough from 15:00 to go back to the axis.
    expect(lanes[5]).toBe(0);
  });
});
