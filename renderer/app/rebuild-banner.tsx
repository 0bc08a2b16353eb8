import { useState } from 'react';
import { useDialdeskEvent } from '../api/api-context.js';

/**
 * The store rebuilding its summaries (new bands or cadence, over a second of work): what is being
 * rebuilt and how far it has got, so a slower screen has a reason on it. Gone when it is done.
 */
export function RebuildBanner() {
  const [progress, setProgress] = useState<{ what: string; attempts: number; fraction: number } | null>(null);
  useDialdeskEvent((event) => {
    if (event.type !== 'store.rebuild') return;
    setProgress(event.done ? null : { what: event.what, attempts: event.attempts, fraction: event.fraction });
  });
  if (!progress) return null;
  const percent = Math.floor(progress.fraction * 100);
  return (
    <section className="notice" role="status" aria-label="Rebuilding">
      {progress.what}: {percent}% ({progress.attempts.toLocaleString('en-US')} attempts)
      <progress max={100} value={percent} aria-label={progress.what} />
    </section>
  );
}
