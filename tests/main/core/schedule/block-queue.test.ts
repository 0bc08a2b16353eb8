import { describe, expect, it } from 'vitest';
import { orderBlockQueue, promiseReminders } from '../../../../main/core/schedule/block-queue.js';
import { expandDialBlocks } from '../../../../main/core/schedule/dial-blocks.js';
import type { PlannedAttempt } from '../../../../shared/schedule.js';
import { at, rep } from './fixtures.js';

const plan = (leadId: string, iso: string, promised = false): PlannedAttempt => ({
  leadId,
  at: at(iso),
  band: null,
  promised,
  inBlock: true,
  promiseConflict: null,
});

describe('orderBlockQueue', () => {
  const block = { id: 'b', startsAt: at('2025-03-12T14:00:00Z'), endsAt: at('2025-03-12T15:00:00Z') };

  it('puts promises due this minute first, then the block’s plans, then the rest that are due; later promises wait', () => {
    const plans = [
      plan('late-due', '2025-03-12T09:00:00Z'),
      plan('in-block-later', '2025-03-12T14:50:00Z'),
      plan('promise-now', '2025-03-12T14:20:59Z', true),
      plan('in-block', '2025-03-12T14:05:00Z'),
      plan('promise-later', '2025-03-12T14:40:00Z', true),
      plan('tomorrow', '2025-03-13T14:05:00Z'),
      plan('earlier-due', '2025-03-12T08:00:00Z'),
    ];
    expect(orderBlockQueue(plans, block, at('2025-03-12T14:20:10Z')).map((p) => p.leadId)).toEqual([
      'promise-now',
      'in-block',
      'in-block-later',
      'earlier-due',
      'late-due',
    ]);
  });
});

describe('promiseReminders', () => {
  it('reminds of promises no block covers', () => {
    const blocks = expandDialBlocks([{ days: [3], start: '09:00', end: '10:00' }], rep(), at('2025-03-12T00:00:00Z'), at('2025-03-13T00:00:00Z'));
    expect(blocks).toEqual([{ id: '2025-03-12@09:00', startsAt: at('2025-03-12T13:00:00Z'), endsAt: at('2025-03-12T14:00:00Z') }]);
    const plans = [plan('covered', '2025-03-12T13:30:00Z', true), plan('open', '2025-03-12T18:00:00Z', true), plan('x', '2025-03-12T18:00:00Z')];
    expect(promiseReminders(plans, blocks)).toEqual([{ leadId: 'open', at: at('2025-03-12T18:00:00Z') }]);
  });
});
