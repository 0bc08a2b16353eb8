import { describe, expect, it } from 'vitest';
import { emptySummary, type StoredSummary } from '../../../../main/core/store/lead-summary.js';
import type { CheckpointRows } from '../../../../main/core/store/summary-checkpoint.js';
import { SummaryTable } from '../../../../main/core/store/summary-table.js';

describe('SummaryTable', () => {
  /** Rows that count how often each is built. */
  function rows(ids: string[]): CheckpointRows & { builds: number[] } {
    const builds = ids.map(() => 0);
    return { ids, builds, at: (row) => ((builds[row] += 1), { ...emptySummary(), attempts: row + 1 }) };
  }

  it('builds a checkpoint row the first time it is asked for and keeps it; a set summary wins; every lead is listed once', () => {
    const table = new SummaryTable();
    const source = rows(['a', 'b', 'c']);
    table.load(source);
    expect(source.builds).toEqual([0, 0, 0]);
    expect(table.size).toBe(3);
    const b = table.get('b')!;
    expect(b.attempts).toBe(2);
    expect(table.get('b')).toBe(b);
    expect(source.builds).toEqual([0, 1, 0]);
    const folded: StoredSummary = { ...emptySummary(), attempts: 9 };
    table.set('c', folded);
    table.set('new', { ...emptySummary(), attempts: 1 });
    expect(table.size).toBe(4);
    expect(table.get('missing')).toBeUndefined();

    const snapshot = table.snapshot();
    table.set('a', { ...emptySummary(), attempts: 100 });
    expect(Object.fromEntries([...snapshot].map(([id, s]) => [id, s.attempts]))).toEqual({ a: 1, b: 2, c: 9, new: 1 });
    expect(Object.fromEntries([...table].map(([id, s]) => [id, s.attempts]))).toEqual({ a: 100, b: 2, c: 9, new: 1 });
    // Listing builds an untouched row for the caller without keeping it.
    expect(source.builds).toEqual([1, 1, 0]);
    expect(table.get('c')).toBe(folded);

    table.clear();
    expect(table.size).toBe(0);
    expect(table.get('b')).toBeUndefined();
  });
});
