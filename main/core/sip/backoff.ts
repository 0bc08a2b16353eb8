/**
 * Reconnect delays: exponential, capped, with "equal jitter" — half the step is fixed, half random —
 * so a PBX restart is not met by every rep's softphone at the same instant, yet no retry comes
 * sooner than half its step.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Injected for tests; returns [0, 1). */
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/** Delay before retry number `attempt` (1-based): in [step/2, step], step = min(cap, base·2^(attempt-1)). */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a positive integer: ${attempt}`);
  const random = options.random ?? Math.random;
  // 2^30 already exceeds any sane cap; keep the exponent bounded so the number stays finite.
  const step = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(step / 2 + (step / 2) * random());
}
