import { describe, expect, it } from 'vitest';
import { expandDialBlocks } from '../../../../main/core/schedule/dial-blocks.js';
import { promiseReminders } from '../../../../main/core/schedule/promise-reminders.js';
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

describe('promiseReminders', () => {
  it('reminds of promises no block covers', () => {
    const blocks = expandDialBlocks([{ days: [3], start: '09:00', end: '10:00' }], rep(), at('2025-03-12T00:00:00Z'), at('2025-03-13T00:00:00Z'));
    expect(blocks).toEqual([{ id: '2025-03-12@09:00', startsAt: at('2025-03-12T13:00:00Z'), endsAt: at('2025-03-12T14:00:00Z') }]);
    const plans = [plan('covered', '2025-03-12T13:30:00Z', true), plan('open', '2025-03-12T18:00:00Z', true), plan('x', '2025-03-12T18:00:00Z')];
    expect(promiseReminders(plans, blocks)).toEqual([{ leadId: 'open', at: at('2025-03-12T18:00:00Z') }]);
  });
});
