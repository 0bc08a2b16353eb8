/** How far a rebuild of the store's summaries has got: shown in the app and the CLI when it takes over a second. */
export interface RebuildProgress {
  /** What is being rebuilt, in the rep's words. */
  what: string;
  /** Attempts folded so far. */
  attempts: number;
  /** Share of the attempt logs read (0…1). */
  fraction: number;
  /** The last report of this rebuild. */
  done: boolean;
}

/** Reports of a rebuild come only once it has run this long: a quick fold says nothing. */
const QUIET_MS = 1_000;
const EVERY_MS = 250;

/**
 * Meters one rebuild over `totalBytes` of attempt logs. Silent for its first second; then a
 * report at most every quarter second, and a last one when it ends (only if it reported at all).
 */
export class RebuildMeter {
  private readonly started: number;
  private lastReport = 0;
  private reported = false;
  private attempts = 0;
  private bytes = 0;

  constructor(
    private readonly what: string,
    private readonly totalBytes: number,
    private readonly report: ((progress: RebuildProgress) => void) | undefined,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
  }

  /** One more attempt folded, having read the log up to `bytesRead` in all. */
  advance(bytesRead: number): void {
    this.attempts += 1;
    this.bytes = bytesRead;
    // Checking the clock every attempt would cost more than the fold of a thousand.
    if (!this.report || this.attempts % 1_000 !== 0) return;
    const now = this.clock();
    if (now - this.started < QUIET_MS || now - this.lastReport < EVERY_MS) return;
    this.lastReport = now;
    this.reported = true;
    this.report({ what: this.what, attempts: this.attempts, fraction: this.totalBytes === 0 ? 1 : Math.min(1, this.bytes / this.totalBytes), done: false });
  }

  finish(): void {
    if (this.reported) this.report?.({ what: this.what, attempts: this.attempts, fraction: 1, done: true });
  }
}

/** "Rebuilding lead summaries from the attempt logs: 45% (450,000 attempts)". */
export function describeRebuild(progress: RebuildProgress): string {
  const share = `${Math.floor(progress.fraction * 100)}%`;
  return progress.done
    ? `${progress.what}: done (${progress.attempts.toLocaleString('en-US')} attempts)`
    : `${progress.what}: ${share} (${progress.attempts.toLocaleString('en-US')} attempts)`;
}
