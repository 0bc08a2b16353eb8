import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockAnnouncer } from '../../../../main/core/dial-block/block-announcer.js';
import { expandDialBlocks } from '../../../../main/core/schedule/dial-blocks.js';

const rep = { repTimeZone: 'America/New_York', daysOff: [] as string[] };
// 10:00–11:00 and 15:00–15:45 on weekdays, New York.
const templates = [
  { days: [1, 2, 3, 4, 5], start: '10:00', end: '11:00' },
  { days: [1, 2, 3, 4, 5], start: '15:00', end: '15:45' },
];

describe('scheduled dial block announcer', () => {
  afterEach(() => vi.useRealTimers());

  const run = (startIso: string, busy = () => false) => {
    vi.useFakeTimers({ now: Date.parse(startIso) });
    const said: string[] = [];
    const announcer = blockAnnouncer({
      now: () => Date.now(),
      blocksBetween: (from, to) => expandDialBlocks(templates, rep, from, to),
      busy,
      announce: (block) => said.push(`${block.id} at ${new Date(Date.now()).toISOString()}`),
    });
    return { said, announcer };
  };

  it('announces every block set in Settings at its start, once', () => {
    const { said, announcer } = run('2026-12-07T13:00:00Z'); // Monday 08:00
    vi.advanceTimersByTime(26 * 3_600_000);
    expect(said).toEqual(['2026-12-07@10:00 at 2026-12-07T15:00:00.000Z', '2026-12-07@15:00 at 2026-12-07T20:00:00.000Z', '2026-12-08@10:00 at 2026-12-08T15:00:00.000Z']);
    announcer.stop();
  });

  it('an app opened inside a block announces it at once; not over a block already in progress', () => {
    const { said, announcer } = run('2026-12-07T15:20:00Z');
    expect(said).toEqual(['2026-12-07@10:00 at 2026-12-07T15:20:00.000Z']);
    announcer.stop();
    let busy = true;
    const second = run('2026-12-07T19:59:00Z', () => busy);
    vi.advanceTimersByTime(2 * 60_000);
    expect(second.said).toEqual([]);
    busy = false;
    second.announcer.stop();
  });
});
