import type { StatsReport } from '../../../shared/stats.js';
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, isValid, parse, startOfISOWeek } from 'date-fns';
import { emptyDay, type DayTally, type StatsFold } from './stats-fold.js';

export interface StatsRange {
  /** Rep-zone day numbers (days since 1970-01-01), inclusive; null = open end. */
  fromDay: number | null;
  toDay: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Day 0 of the fold's day numbers. A day number is already a date of the rep's calendar, so its
 * arithmetic runs on UTC dates, where no daylight-saving change can bend a day.
 */
const EPOCH = new TZDate(1970, 0, 1, 'UTC');
const dateOfDay = (day: number) => addDays(EPOCH, day);
const isoDate = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * A day's date and its week's Monday, once per day number: formatting a TZDate costs tens of
 * microseconds, a whole history has a few thousand days, and the same days are asked for on
 * every refresh of the Stats screen.
 */
const dayLabels = new Map<number, { date: string; monday: string }>();
function labelsOf(day: number): { date: string; monday: string } {
  let labels = dayLabels.get(day);
  if (!labels) {
    const date = dateOfDay(day);
    labels = { date: isoDate(date), monday: isoDate(startOfISOWeek(date)) };
    dayLabels.set(day, labels);
  }
  return labels;
}

/** "YYYY-MM-DD" → day number; a date the calendar does not have (2026-02-30) is refused. */
export function dayOfIsoDate(date: string): number {
  const parsed = parse(date, 'yyyy-MM-dd', EPOCH);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValid(parsed)) throw new Error(`expected a date as YYYY-MM-DD, got "${date}"`);
  return differenceInCalendarDays(parsed, EPOCH);
}

/**
 * Sums the fold's day buckets over a range: a few thousand small objects at most, whatever the
 * history's size. `scriptName` names a script version for the report (the library knows them).
 */
export function queryStats(fold: StatsFold, range: StatsRange, scriptName: (id: string, version: number) => string): StatsReport {
  const total = emptyDay();
  const byDay: StatsReport['byDay'] = [];
  const weeks = new Map<string, StatsReport['byWeek'][number]>();
  const days = [...fold.days.keys()].filter((d) => (range.fromDay === null || d >= range.fromDay) && (range.toDay === null || d <= range.toDay)).sort((a, b) => a - b);
  for (const day of days) {
    const t = fold.days.get(day)!;
    add(total, t);
    const row = { dials: t.dials, conversations: t.conversations, voicemailsLeft: t.voicemails, returns: t.returns };
    const { date, monday } = labelsOf(day);
    byDay.push({ date, ...row });
    const week = weeks.get(monday) ?? { weekOf: monday, dials: 0, conversations: 0, voicemailsLeft: 0, returns: 0 };
    week.dials += row.dials;
    week.conversations += row.conversations;
    week.voicemailsLeft += row.voicemailsLeft;
    week.returns += row.returns;
    weeks.set(monday, week);
  }
  return {
    from: range.fromDay === null ? null : labelsOf(range.fromDay).date,
    to: range.toDay === null ? null : labelsOf(range.toDay).date,
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
    byWeek: [...weeks.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, w]) => w),
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
