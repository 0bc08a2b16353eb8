import type { StatsReport } from '../../../shared/stats.js';
import { isoDateOfDay, weekdayOfDay } from '../timezones/zone-clock.js';
import { emptyDay, type DayTally, type StatsFold } from './stats-fold.js';

export interface StatsRange {
  /** Rep-zone day numbers (days since 1970-01-01), inclusive; null = open end. */
  fromDay: number | null;
  toDay: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** "YYYY-MM-DD" → day number. */
export function dayOfIsoDate(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new Error(`expected a date as YYYY-MM-DD, got "${date}"`);
  return Math.floor(ms / 86_400_000);
}

/**
 * Sums the fold's day buckets over a range: a few thousand small objects at most, whatever the
 * history's size. `scriptName` names a script version for the report (the library knows them).
 */
export function queryStats(fold: StatsFold, range: StatsRange, scriptName: (id: string, version: number) => string): StatsReport {
  const total = emptyDay();
  const byDay: StatsReport['byDay'] = [];
  const weeks = new Map<number, StatsReport['byWeek'][number]>();
  const days = [...fold.days.keys()].filter((d) => (range.fromDay === null || d >= range.fromDay) && (range.toDay === null || d <= range.toDay)).sort((a, b) => a - b);
  for (const day of days) {
    const t = fold.days.get(day)!;
    add(total, t);
    const row = { dials: t.dials, conversations: t.conversations, voicemailsLeft: t.voicemails, returns: t.returns };
    byDay.push({ date: isoDateOfDay(day), ...row });
    // ISO weeks start on Monday.
    const monday = day - ((weekdayOfDay(day) + 6) % 7);
    const week = weeks.get(monday) ?? { weekOf: isoDateOfDay(monday), dials: 0, conversations: 0, voicemailsLeft: 0, returns: 0 };
    week.dials += row.dials;
    week.conversations += row.conversations;
    week.voicemailsLeft += row.voicemailsLeft;
    week.returns += row.returns;
    weeks.set(monday, week);
  }
  return {
    from: range.fromDay === null ? null : isoDateOfDay(range.fromDay),
    to: range.toDay === null ? null : isoDateOfDay(range.toDay),
    dials: total.dials,
    conversations: total.conversations,
    conversationRate: rate(total.conversations, total.dials),
    voicemailsLeft: total.voicemails,
    returns: total.returns,
    returnRate: rate(total.returns, total.voicemails),
    promisesKept: total.promisesKept,
    promisesBroken: total.promisesBroken,
    byHour: total.hourDials.map((dials, hour) => ({ hour, dials, conversations: total.hourConversations[hour], connectRate: rate(total.hourConversations[hour], dials) })),
    byWeekday: total.weekdayDials.map((dials, weekday) => ({
      weekday,
      dials,
      conversations: total.weekdayConversations[weekday],
      connectRate: rate(total.weekdayConversations[weekday], dials),
    })),
    byScript: Object.entries(total.scripts)
      .map(([key, s]) => {
        const at = key.lastIndexOf('@');
        const scriptId = key.slice(0, at);
        const version = Number(key.slice(at + 1));
        return { scriptId, version, name: scriptName(scriptId, version), voicemails: s.voicemails, returns: s.returns, returnRate: rate(s.returns, s.voicemails) };
      })
      .sort((a, b) => b.returnRate - a.returnRate || b.voicemails - a.voicemails),
    byDay,
    byWeek: [...weeks.entries()].sort((a, b) => a[0] - b[0]).map(([, w]) => w),
  };
}

function add(into: DayTally, t: DayTally): void {
  into.dials += t.dials;
  into.conversations += t.conversations;
  into.voicemails += t.voicemails;
  into.returns += t.returns;
  into.promisesKept += t.promisesKept;
  into.promisesBroken += t.promisesBroken;
  for (let h = 0; h < 24; h++) {
    into.hourDials[h] += t.hourDials[h];
    into.hourConversations[h] += t.hourConversations[h];
  }
  for (let d = 0; d < 7; d++) {
    into.weekdayDials[d] += t.weekdayDials[d];
    into.weekdayConversations[d] += t.weekdayConversations[d];
  }
  for (const [key, s] of Object.entries(t.scripts)) {
    const sum = (into.scripts[key] ??= { voicemails: 0, returns: 0 });
    sum.voicemails += s.voicemails;
    sum.returns += s.returns;
  }
}
