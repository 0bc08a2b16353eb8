/**
 * Half-open instant intervals `[start, end)` in epoch ms, kept as sorted,
 * non-overlapping lists. The calling window is an intersection of such lists
 * (legal window per zone, working hours, dial blocks).
 */
export interface Interval {
  start: number;
  end: number;
}

/** Intersection of two sorted, non-overlapping lists. */
export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start < end) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** Sorts and merges overlapping or touching intervals. */
export function normalize(list: Interval[]): Interval[] {
  const sorted = list.filter((i) => i.start < i.end).sort((x, y) => x.start - y.start);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out[out.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else out.push({ ...interval });
  }
  return out;
}

export function contains(list: Interval[], ms: number): boolean {
  for (const interval of list) {
    if (ms >= interval.start && ms < interval.end) return true;
  }
  return false;
}


/** The parts of a sorted list inside `[from, to)`. */
export function clip(list: Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const interval of list) {
    const start = Math.max(interval.start, from);
    const end = Math.min(interval.end, to);
    if (start < end) out.push({ start, end });
  }
  return out;
}
