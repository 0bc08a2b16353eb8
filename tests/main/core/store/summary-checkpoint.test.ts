import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { emptySummary, type StoredSummary } from '../../../../main/core/store/lead-summary.js';
import { CHECKPOINT_FILE, CHECKPOINT_SCHEMA_VERSION, readCheckpoint, writeCheckpoint } from '../../../../main/core/store/summary-checkpoint.js';
import type { LeadRotationState } from '../../../../shared/schedule.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('summary checkpoint', () => {
  const tempDir = useTempDirs();

  it('round-trips summaries with rotation states through the compact file, in batches', async () => {
    const path = join(tempDir(), CHECKPOINT_FILE);
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
    expect(readCheckpoint(join(dir, 'none.bin'))).toBeNull();
    writeFileSync(join(dir, 'bad.bin'), `{"schemaVersion":${CHECKPOINT_SCHEMA_VERSION},"summaries":[`);
    expect(readCheckpoint(join(dir, 'bad.bin'))).toBeNull();
    // The JSON columns of version 6 are not read: the store rebuilds once from the logs.
    writeFileSync(join(dir, 'old.json'), '{"schemaVersion":6,"offsets":{},"count":0,"months":[],"columns":[\n]}\n');
    expect(readCheckpoint(join(dir, 'old.json'))).toBeNull();
    const older = Buffer.from(readFileSync(await written(join(dir, 'older.bin'), new Map())));
    older.writeUInt32LE(CHECKPOINT_SCHEMA_VERSION - 1, 8);
    writeFileSync(join(dir, 'older.bin'), older);
    expect(readCheckpoint(join(dir, 'older.bin'))).toBeNull();
    expect(readCheckpoint(await written(join(dir, 'empty.bin'), new Map()))!.summaries.size).toBe(0);
  });

  /** A checkpoint of `summaries` written to `path`; returns the path. */
  async function written(path: string, summaries: Map<string, StoredSummary>): Promise<string> {
    await writeCheckpoint(path, { schemaVersion: CHECKPOINT_SCHEMA_VERSION, offsets: { '2026-11': 10 }, summaries, bandStats: { dials: [1], conversations: [0] }, foldKey: 'k', stats: { inboundOffsets: {} } });
    return path;
  }

  /** The file's sections, deserialized, and a way to write them back (changed) with the same header. */
  function sectionsOf(bytes: Buffer): unknown[] {
    const out: unknown[] = [];
    for (let at = 16; at < bytes.length; ) {
      const length = bytes.readUInt32LE(at);
      out.push(deserialize(bytes.subarray(at + 4, at + 4 + length)));
      at += 4 + length;
    }
    return out;
  }
  function fileOf(header: Buffer, sections: unknown[], sectionCount = sections.length): Buffer {
    const head = Buffer.from(header.subarray(0, 16));
    head.writeUInt32LE(sectionCount, 12);
    return Buffer.concat([head, ...sections.map((value) => {
      const body = serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      return Buffer.concat([length, body]);
    })]);
  }

  it('answers null for a checkpoint of the right version but the wrong shape, so the store rebuilds instead of crashing', async () => {
    const path = join(tempDir(), CHECKPOINT_FILE);
    const rotation = { leadId: 'a', status: 'active' as const, doNotCallSince: null, bandTries: [1, 0], attempts: 1, cadenceAttempts: 1, cadenceStartedAt: 5, lastAttemptAt: 5, unansweredVoicemails: 0, promise: null, promisesKept: 0, promisesBroken: 0 };
    const summaries = new Map<string, StoredSummary>([['a', { ...emptySummary(), attempts: 2, months: ['2026-11'], rotation }], ['b', emptySummary()]]);
    const good = readFileSync(await written(path, summaries));
    expect(readCheckpoint(path)!.summaries).toEqual(summaries);
    const sections = sectionsOf(good);
    const head = sections[0] as Record<string, unknown>;
    // Sections: head, id, attempts, conversations, voicemails, lastAttemptAt, lastOutcome, months, optedOut, rotation.status, doNotCallSince, bandTries, …
    const replaced = (index: number, value: unknown) => sections.map((s, i) => (i === index ? value : s));
    const damaged: [string, Buffer][] = [
      ['attempts not counts', fileOf(good, replaced(2, new Float64Array([2, 0])))],
      ['a column shorter than count', fileOf(good, replaced(2, new Uint32Array([2])))],
      ['count too large', fileOf(good, replaced(0, { ...head, count: 3 }))],
      ['a column missing', fileOf(good, sections.slice(0, -1))],
      ['a column missing, the header still counting it', fileOf(good, sections.slice(0, -1), sections.length)],
      ['offsets not counts', fileOf(good, replaced(0, { ...head, offsets: null }))],
      ['an id that is not a string', fileOf(good, replaced(1, ['a', null]))],
      ['a month index past the names', fileOf(good, replaced(0, { ...head, months: [] }))],
      ['an outcome past the list', fileOf(good, replaced(6, new Uint32Array([99, 0])))],
      ['a lead with a rotation state but no band tries', fileOf(good, replaced(11, { lengths: new Int32Array([-1, -1]), flat: new Uint32Array(0) }))],
      ['a status that is not one', fileOf(good, replaced(9, ['sleeping', null]))],
      ['cut off', good.subarray(0, good.length - 4)],
      ['trailing bytes', Buffer.concat([good, Buffer.from([1, 2, 3])])],
      ['bytes that v8 cannot read', Buffer.concat([good.subarray(0, 24), Buffer.alloc(good.length - 24, 0xff)])],
    ];
    for (const [what, bytes] of damaged) {
      expect(bytes.equals(good), what).toBe(false);
      writeFileSync(path, bytes);
      expect(readCheckpoint(path), what).toBeNull();
    }
  });

  it('refuses a checkpoint written by a newer Dialdesk rather than rebuild over it', async () => {
    const path = join(tempDir(), CHECKPOINT_FILE);
    const bytes = Buffer.from(readFileSync(await written(path, new Map())));
    bytes.writeUInt32LE(CHECKPOINT_SCHEMA_VERSION + 1, 8);
    writeFileSync(path, bytes);
    expect(() => readCheckpoint(path)).toThrow(/made by a newer Dialdesk/);
  });

  it('round-trips every field of a rotation state, each set to a value unlike its default', async () => {
    const path = join(tempDir(), CHECKPOINT_FILE);
    // Required<…>: a field added to LeadRotationState fails to compile here until this test sets it.
    const rotation: Required<LeadRotationState> = {
      leadId: 'every-field',
      status: 'do-not-call',
      doNotCallSince: 1_764_400_000_000,
      bandTries: [4, 0, 1, 2, 0, 9],
      bandAnswers: [1, 0, 0, 1, 0, 0],
      attempts: 16,
      cadenceAttempts: 3,
      cadenceStartedAt: 1_764_000_000_123,
      lastAttemptAt: 1_764_100_000_456,
      unansweredVoicemails: 2,
      promise: { at: 1_764_200_000_000, attemptId: 'a-9' },
      promisesKept: 5,
      promisesBroken: 7,
      notBefore: 1_764_300_000_789,
      recentAttemptsAt: [1_764_050_000_000, 1_764_080_000_000, 1_764_100_000_456],
    };
    const summaries = new Map<string, StoredSummary>([
      ['every-field', { ...emptySummary(), attempts: 16, conversations: 1, voicemails: 2, lastAttemptAt: '2026-11-30T10:00:00-05:00', lastOutcome: 'do-not-call', months: ['2026-10', '2026-11'], optedOut: true, rotation }],
    ]);
    const read = readCheckpoint(await written(path, summaries))!;
    expect(read.summaries.get('every-field')!.rotation).toEqual(rotation);
    expect(read.summaries).toEqual(summaries);
  });

  it('keeps the learning planner’s per-lead answers per band, a lead’s worked-again-later time, and the weekday and zone tables', async () => {
    const path = join(tempDir(), CHECKPOINT_FILE);
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
