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
    writeFileSync(join(dir, 'bad.json'), `{"schemaVersion":${CHECKPOINT_SCHEMA_VERSION},"summaries":[`);
    expect(readCheckpoint(join(dir, 'bad.json'))).toBeNull();
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ schemaVersion: 2, offsets: {}, summaries: {} }));
    expect(readCheckpoint(join(dir, 'old.json'))).toBeNull();
    await writeCheckpoint(join(dir, 'empty.json'), { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets: {}, summaries: new Map(), bandStats: { dials: [], conversations: [] }, foldKey: '', stats: { inboundOffsets: {} } });
    const empty = JSON.parse(readFileSync(join(dir, 'empty.json'), 'utf8'));
    expect(empty.count).toBe(0);
    expect(empty.columns.every((column: unknown[]) => column.length === 0)).toBe(true);
    expect(readCheckpoint(join(dir, 'empty.json'))!.summaries.size).toBe(0);
  });

  it('answers null for a checkpoint of the right version but the wrong shape, so the store rebuilds instead of crashing', async () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    const summaries = new Map<string, StoredSummary>([['a', { ...emptySummary(), attempts: 2, months: ['2026-11'] }], ['b', emptySummary()]]);
    await writeCheckpoint(path, { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets: { '2026-11': 10 }, summaries, bandStats: { dials: [1], conversations: [0] }, foldKey: 'k', stats: { inboundOffsets: {} } });
    const good = readFileSync(path, 'utf8');
    expect(readCheckpoint(path)!.summaries).toEqual(summaries);
    const lines = good.split('\n');
    const damaged = [
      good.replace('[2,0],', '[2,"two"],'), // attempts not a count
      good.replace('[2,0],', '[2],'), // a column shorter than count
      good.replace('"count":2', '"count":3'),
      [...lines.slice(0, 5), ...lines.slice(6)].join('\n'), // a column missing
      good.replace('"offsets":{"2026-11":10}', '"offsets":null'),
      good.replace('["a","b"]', '["a",null]'),
      good.slice(0, good.length - 4), // cut off
    ];
    for (const text of damaged) {
      expect(text).not.toBe(good);
      writeFileSync(path, text);
      expect(readCheckpoint(path), text.slice(0, 300)).toBeNull();
    }
  });

  it('refuses a checkpoint written by a newer Dialdesk rather than rebuild over it', () => {
    const path = join(tempDir(), 'state.json');
    writeFileSync(path, `{"schemaVersion":${CHECKPOINT_SCHEMA_VERSION + 1},"anything":[\n]}\n`);
    expect(() => readCheckpoint(path)).toThrow(/made by a newer Dialdesk/);
  });

  it('keeps the learning planner’s per-lead answers per band, a lead’s worked-again-later time, and the weekday and zone tables', async () => {
    const path = join(tempDir(), 'state.json');
    const rotation = {
      leadId: 'l1',
      status: 'active' as const,
      doNotCallSince: null,
      bandTries: [1, 2, 0, 0, 0, 0],
      bandAnswers: [0, 1, 0, 0, 0, 0],
      attempts: 3,
      cadenceAttempts: 0,
      cadenceStartedAt: null,
      lastAttemptAt: 1_764_100_000_000,
      unansweredVoicemails: 0,
      promise: null,
      promisesKept: 0,
      promisesBroken: 0,
      notBefore: 1_764_300_000_000,
    };
    const summaries = new Map<string, StoredSummary>([['l1', { ...emptySummary(), attempts: 3, rotation }]]);
    const bandStats = {
      dials: [1, 2, 0, 0, 0, 0],
      conversations: [0, 1, 0, 0, 0, 0],
      weekdayDials: Array.from({ length: 42 }, (_, i) => i % 5),
      weekdayConversations: new Array<number>(42).fill(0),
      segments: { 'America/Chicago': { dials: [1, 2, 0, 0, 0, 0], conversations: [0, 1, 0, 0, 0, 0] } },
      hourDials: Array.from({ length: 168 }, (_, i) => i % 3),
      hourConversations: Array.from({ length: 168 }, (_, i) => (i === 9 * 7 + 3 ? 1 : 0)),
    };
    await writeCheckpoint(path, { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets: {}, summaries, bandStats, foldKey: '', stats: { inboundOffsets: {} } });
    const read = readCheckpoint(path)!;
    expect(read.summaries.get('l1')!.rotation).toEqual(rotation);
    expect(read.bandStats).toEqual(bandStats);
  });
});
