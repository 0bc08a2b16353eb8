import { describe, expect, it } from 'vitest';
import { AnsweredCalls } from '../../../../main/core/calling/answered-calls.js';
import type { Attempt } from '../../../../shared/domain.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('AnsweredCalls', () => {
  const tempDir = useTempDirs();

  it('"work again in N days" counts days on the rep\'s calendar, keeping the wall time across a DST change', async () => {
    const recorded: Attempt[] = [];
    // Friday 2026-03-06, 10:00 in New York (EST); the clocks spring forward on Sunday.
    const now = new Date('2026-03-06T15:00:00Z');
    const calls = AnsweredCalls.load({
      dataDir: tempDir(),
      now: () => now,
      repZone: () => 'America/New_York',
      record: async (attempt) => void recorded.push(attempt),
      attemptContext: () => ({ scriptShown: () => ({ scriptId: null, scriptVersion: null }), spokenPromise: () => null }),
    });
    await calls.answered({ callId: 'c1', leadId: 'lead-1' as Attempt['leadId'], startedAt: '2026-03-06T14:58:00.000Z', answeredAt: '2026-03-06T14:58:10.000Z' });
    const attempt = await calls.settle('c1', 'conversation', { workAgainInDays: 3 });
    // Monday 10:00 in New York is EDT: 14:00Z, not 15:00Z.
    expect(attempt.workAgainAt).toBe('2026-03-09T14:00:00.000Z');
    expect(recorded).toHaveLength(1);
  });
});
