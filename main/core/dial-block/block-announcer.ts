import type { DialBlock } from '../../../shared/schedule.js';

/** setTimeout holds at most ~24.8 days, and clocks drift: the next start is looked up again at least hourly. */
const MAX_WAIT_MS = 3_600_000;

export interface BlockAnnouncerDeps {
  now(): number;
  /** The dial blocks set in Settings that start in `[from, to)` (schedule/dial-blocks.ts's expandDialBlocks). */
  blocksBetween(from: number, to: number): DialBlock[];
  /** True while a dial block is in progress: a scheduled one starting then is not announced over it. */
  busy(): boolean;
  announce(block: DialBlock): void;
}

/**
 * Announces each dial block the rep set in Settings when it starts ("Your 10:00 block: 23 leads,
 * 4 promised"), once; an app opened during one announces it at once. Armed for the next start and
 * re-armed after each, and when the blocks in Settings change.
 */
export function blockAnnouncer(deps: BlockAnnouncerDeps) {
  let timer: NodeJS.Timeout | null = null;
  const said = new Set<string>();
  const say = (block: DialBlock) => {
    if (said.has(block.id)) return;
    said.add(block.id);
    if (!deps.busy()) deps.announce(block);
  };
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const now = deps.now();
    const blocks = deps.blocksBetween(now - 1, now + 2 * 86_400_000);
    // One running now (the app was opened inside it, or it is its start).
    for (const block of blocks) if (block.startsAt <= now && now < block.endsAt) say(block);
    const next = blocks.find((b) => b.startsAt > now);
    const wait = next ? Math.min(next.startsAt - now, MAX_WAIT_MS) : MAX_WAIT_MS;
    timer = setTimeout(arm, wait);
    timer.unref?.();
  };
  arm();
  return {
    rearm: arm,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
