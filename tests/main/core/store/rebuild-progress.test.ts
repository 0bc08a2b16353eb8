import { describe, expect, it } from 'vitest';
import { describeRebuild, RebuildMeter, type RebuildProgress } from '../../../../main/core/store/rebuild-progress.js';

describe('rebuild progress', () => {
  it('says nothing for a rebuild under a second, then what and how far at most four times a second, then done', () => {
    let now = 0;
    const reports: RebuildProgress[] = [];
    const meter = new RebuildMeter('Rebuilding lead summaries from the attempt logs', 10_000_000, (p) => reports.push(p), () => now);
    // 10,000 attempts of 1,000 bytes, 1 ms each: 10 s in all.
    for (let i = 1; i <= 10_000; i++) {
      now = i;
      meter.advance(i * 1_000);
    }
    meter.finish();
    expect(reports[0]).toEqual({ what: 'Rebuilding lead summaries from the attempt logs', attempts: 1_000, fraction: 0.1, done: false });
    // From the first second on, every 250 ms (checked each thousand attempts: here every second).
    expect(reports.filter((r) => !r.done).map((r) => r.attempts)).toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000]);
    expect(reports.at(-1)).toEqual({ what: 'Rebuilding lead summaries from the attempt logs', attempts: 10_000, fraction: 1, done: true });
    expect(describeRebuild(reports[3])).toBe('Rebuilding lead summaries from the attempt logs: 40% (4,000 attempts)');
    expect(describeRebuild(reports.at(-1)!)).toBe('Rebuilding lead summaries from the attempt logs: done (10,000 attempts)');

    const quick: RebuildProgress[] = [];
    now = 0;
    const fast = new RebuildMeter('x', 1_000, (p) => quick.push(p), () => now);
    for (let i = 1; i <= 5_000; i++) fast.advance(i);
    fast.finish();
    expect(quick).toEqual([]);
  });
});
