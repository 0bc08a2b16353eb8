import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPromiseClock } from '../../../../main/core/notify/promise-clock.js';

describe('promise clock', () => {
  afterEach(() => vi.useRealTimers());

  it('wakes at the minute of each promise, not at the next poll, and re-arms for the one after', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T15:00:00Z') });
    const promises = [Date.parse('2026-12-01T15:07:00Z'), Date.parse('2026-12-01T15:09:00Z')];
    const woke: string[] = [];
    const clock = createPromiseClock({
      now: () => Date.now(),
      nextPromiseAt: (after) => promises.find((p) => p > after) ?? null,
      onDue: () => woke.push(new Date(Date.now()).toISOString()),
    });
    vi.advanceTimersByTime(7 * 60_000 - 1);
    expect(woke).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(woke).toEqual(['2026-12-01T15:07:00.000Z']);
    vi.advanceTimersByTime(2 * 60_000);
    expect(woke).toEqual(['2026-12-01T15:07:00.000Z', '2026-12-01T15:09:00.000Z']);
    clock.stop();
  });

  it('a promise made after it was armed is found once re-armed', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T15:00:00Z') });
    const promises: number[] = [];
    const woke: number[] = [];
    const clock = createPromiseClock({ now: () => Date.now(), nextPromiseAt: (after) => promises.find((p) => p > after) ?? null, onDue: () => woke.push(Date.now()) });
    promises.push(Date.parse('2026-12-01T15:02:00Z'));
    clock.rearm();
    vi.advanceTimersByTime(2 * 60_000);
    expect(woke).toEqual([Date.parse('2026-12-01T15:02:00Z')]);
    clock.stop();
  });
});
