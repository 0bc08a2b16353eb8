import { useEffect, useState } from 'react';

/**
 * The current time in epoch milliseconds, re-read every `intervalMs` while `active`, so "now"
 * displays (a call's duration, a lead's local time) stay true while they are on screen.
 */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
