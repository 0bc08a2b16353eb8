import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RETURNS_SLOTS, slotAt } from '../../../../main/core/returns/returns-slots.js';
import { slotNotifier } from '../../../../main/core/returns/slot-notifier.js';

const NY = 'America/New_York';

describe('returns slot notifier', () => {
  afterEach(() => vi.useRealTimers());

  const run = (startIso: string, held = () => false) => {
    vi.useFakeTimers({ now: Date.parse(startIso) });
    const said: string[] = [];
    const notifier = slotNotifier({
      nextSlot: (at) => slotAt(DEFAULT_RETURNS_SLOTS, NY, at),
      now: () => Date.now(),
      held,
      announce: () => said.push(new Date(Date.now()).toISOString()),
    });
    return { said, notifier };
  };

  it('says every slot of the run, not only the first', () => {
    // Monday 2026-12-07, 09:00 in New York; the default slots are 11:30 and 16:30 on weekdays.
    const { said, notifier } = run('2026-12-07T14:00:00Z');
    vi.advanceTimersByTime(27 * 3_600_000);
    expect(said).toEqual(['2026-12-07T16:30:00.000Z', '2026-12-07T21:30:00.000Z', '2026-12-08T16:30:00.000Z']);
    notifier.stop();
  });

  it('an app started inside a slot says that slot at once, then the next at its start', () => {
    const { said, notifier } = run('2026-12-07T16:40:00Z'); // 11:40, inside the 11:30 slot
    expect(said).toEqual(['2026-12-07T16:40:00.000Z']);
    vi.advanceTimersByTime(5 * 3_600_000);
    expect(said).toEqual(['2026-12-07T16:40:00.000Z', '2026-12-07T21:30:00.000Z']);
    notifier.stop();
  });

  it('a slot that starts during a block is said once, when the block ends', () => {
    let blockRunning = true;
    const { said, notifier } = run('2026-12-07T16:00:00Z', () => blockRunning);
    vi.advanceTimersByTime(60 * 60_000);
    expect(said).toEqual([]);
    blockRunning = false;
    notifier.releaseHeld();
    notifier.releaseHeld();
    expect(said).toHaveLength(1);
    notifier.stop();
  });
});
