import { describe, expect, it } from 'vitest';
import { orderBlockQueue } from '../../../../main/core/dial-block/block-queue.js';
import type { PlannedAttempt } from '../../../../shared/schedule.js';
import { at } from '../schedule/fixtures.js';

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
