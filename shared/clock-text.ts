/**
 * Clock and duration text, in one place for main and renderer: "8:15" for reasons and the
 * strip, "08:15" for Settings' inputs and files, "0:07"/"12:30"/"1:02:03" for timers.
 */

const two = (n: number) => String(n).padStart(2, '0');

/** Minutes since midnight → "8:15" (24-hour, no leading zero), as the core words its reasons. */
export function clockText(minuteOfDay: number): string {
  return `${Math.floor(minuteOfDay / 60)}:${two(minuteOfDay % 60)}`;
}

/** Minutes since midnight → "08:15" (HH:MM), as Settings and files write a wall time. */
export function hhmm(minuteOfDay: number): string {
  return `${two(Math.floor(minuteOfDay / 60))}:${two(minuteOfDay % 60)}`;
}

/** A duration in ms → "0:07", "12:30", "1:02:03" (m:ss, h:mm:ss past an hour). */
export function mmss(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
