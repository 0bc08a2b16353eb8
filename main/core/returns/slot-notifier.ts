import type { SlotInstance } from './returns-slots.js';

/** setTimeout holds at most ~24.8 days, and clocks drift: a far slot is re-armed at least daily. */
const MAX_WAIT_MS = 86_400_000;

export interface SlotNotifierDeps {
  /** The slot running at `at`, else the next to start (returns-slots.ts's slotAt). */
  nextSlot(at: number): SlotInstance | null;
  now(): number;
  /** True while a dial block runs: the rep is not interrupted, the slot is said when it ends. */
  held(): boolean;
  announce(): void;
}

/**
 * Says when each returns slot starts: every slot, not only the first of the app's run. Armed for
 * the next start, re-armed after each; an app started inside a slot says that slot at once. Held
 * while a block runs and said when the block ends.
 */
export function slotNotifier(deps: SlotNotifierDeps) {
  let timer: NodeJS.Timeout | null = null;
  let heldSince: number | null = null;
  /** The start of the last slot said (or held), so one slot is said once. */
  let said: number | null = null;

  const slotStarted = (slot: SlotInstance) => {
    if (said === slot.startsAt) return;
    said = slot.startsAt;
    if (deps.held()) heldSince = slot.startsAt;
    else deps.announce();
  };

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const now = deps.now();
    let next = deps.nextSlot(now);
    if (next && next.startsAt <= now) {
      // Inside a slot (the app started in one, or this is its start): say it, then wait for the next.
      slotStarted(next);
      next = deps.nextSlot(next.endsAt);
    }
    if (!next) return;
    const target = next;
    timer = setTimeout(() => {
      timer = null;
      if (deps.now() >= target.startsAt) slotStarted(target);
      arm();
    }, Math.min(Math.max(0, target.startsAt - now), MAX_WAIT_MS));
    timer.unref?.();
  };
  arm();
  return {
    reschedule: arm,
    releaseHeld() {
      if (heldSince === null) return;
      heldSince = null;
      deps.announce();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
