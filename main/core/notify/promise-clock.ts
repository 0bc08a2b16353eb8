/**
 * Wakes at the minute of the next standing promise, so a promise that falls due is acted on at
 * its time (a running block takes it into its queue, or the rep gets a reminder), not at the next
 * poll. Re-armed after every wake and whenever promises change.
 */
export interface PromiseClockDeps {
  now(): number;
  /** The first promise strictly after `after` (epoch ms), or null when none stands. */
  nextPromiseAt(after: number): number | null;
  /** A promise's minute has come. */
  onDue(): void;
  /** The longest sleep (clocks drift, setTimeout holds ~24.8 days at most). */
  maxWaitMs?: number;
}

/** Never sooner than this: a pinned test clock must not spin the timer. */
const MIN_WAIT_MS = 1_000;

export function createPromiseClock(deps: PromiseClockDeps): { rearm(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  const maxWait = deps.maxWaitMs ?? 60 * 60_000;
  const arm = () => {
    if (timer) clearTimeout(timer);
    const now = deps.now();
    const next = deps.nextPromiseAt(now);
    const wait = next === null ? maxWait : Math.min(maxWait, Math.max(MIN_WAIT_MS, next - now));
    timer = setTimeout(() => {
      timer = null;
      deps.onDue();
      arm();
    }, wait);
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
