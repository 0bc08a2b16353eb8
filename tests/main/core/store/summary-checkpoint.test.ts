import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySummary, type StoredSummary } from '../../../../main/core/store/lead-summary.js';
import { CHECKPOINT_SCHEMA_VERSION, readCheckpoint, writeCheckpoint } from '../../../../main/core/store/summary-checkpoint.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('summary checkpoint', () => {
  const tempDir = useTempDirs();

  it('round-trips summaries with rotation states through the compact file, in batches', async () => {
    const path = join(tempDir(), 'state.json');
    const summaries = new Map<string, StoredSummary>();
    for (let i = 0; i < 4_321; i++) {
      summaries.set(`lead-${i}`, {
        ...emptySummary(),
        attempts: i % 9,
        lastAttemptAt: i % 2 ? '2026-11-02T15:00:00.000Z' : null,
        lastOutcome: i % 2 ? 'voicemail' : null,
        months: i % 3 ? ['2026-10', '2026-11'] : [],
        optedOut: i % 5 === 0,
        rotation:
          i % 4 === 0
            ? null
            : {
                leadId: `lead-${i}`,
                status: 'active',
                doNotCallSince: null,
                bandTries: [1, 0, 2, 0, 0, 1],
                attempts: 4,
                cadenceAttempts: 4,
                cadenceStartedAt: 1_764_000_000_000,
                lastAttemptAt: 1_764_100_000_000,
                unansweredVoicemails: 1,
                promise: { at: 1_764_200_000_000, attemptId: `a-${i}` },
                promisesKept: 1,
                promisesBroken: 0,
              },
      });
    }
    const bandStats = { dials: [3, 1, 0, 0, 2, 5], conversations: [1, 0, 0, 0, 0, 2] };
    const stats = { days: [], waiting: [], inboundOffsets: { '2026-11': 99 } };
    await writeCheckpoint(path, { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets: { '2026-11': 1234 }, summaries, bandStats, foldKey: 'k', stats });
    const read = readCheckpoint(path)!;
    expect(read.offsets).toEqual({ '2026-11': 1234 });
    expect(read.bandStats).toEqual(bandStats);
    expect(read.foldKey).toBe('k');
    expect(read.summaries).toEqual(summaries);
    expect(read.stats).toEqual(stats);
  });

  it('answers null for a missing, damaged or older file so the store rebuilds', async () => {
    const dir = tempDir();
    expect(readCheckpoint(join(dir, 'none.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion":3,"summaries":[');
    expect(readCheckpoint(join(dir, 'bad.json'))).toBeNull();
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ schemaVersion: 2, offsets: {}, summaries: {} }));
    expect(readCheckpoint(join(dir, 'old.json'))).toBeNull();
    await writeCheckpoint(join(dir, 'empty.json'), { schemaVersion: 3, offsets: {}, summaries: new Map(), bandStats: { dials: [], conversations: [] }, foldKey: '', stats: { inboundOffsets: {} } });
    expect(JSON.parse(readFileSync(join(dir, 'empty.json'), 'utf8')).summaries).toEqual([]);
  });
});
