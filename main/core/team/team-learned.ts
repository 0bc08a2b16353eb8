/**
 * What the team learned, as the planner's population model reads it: the
 * other reps' dials and conversations by the lead's zone, local hour and
 * weekday (the view dialdesk.team_learned, pulled by each sync into
 * team.json) folded into BandStats and added to the rep's own, so a new rep's
 * first block already favours the hours that answer.
 *
 * A cell is one whole local hour: it counts in the band holding the middle
 * of that hour (a band starting at :30 gets the hour it mostly covers).
 */
import type { Band, BandStats } from '../../../shared/schedule.js';
import { bandIndexOfMinute } from '../rotation/bands.js';
import { emptyLearningStats, withLearningTables } from '../rotation/rotation-state.js';

export interface LearnedCell {
  timeZone: string;
  hour: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  dials: number;
  conversations: number;
}

const add = (list: number[], index: number, n: number) => {
  list[index] = (list[index] ?? 0) + n;
};

/** The team's cells as BandStats over `bands`. */
export function teamBandStats(cells: readonly LearnedCell[], bands: Band[]): BandStats {
  const stats = emptyLearningStats(bands.length);
  for (const cell of cells) {
    const band = bandIndexOfMinute(bands, cell.hour * 60 + 30);
    if (band < 0 || cell.dials <= 0) continue;
    const weekday = cell.weekday % 7; // BandStats count weekdays from Sunday = 0
    add(stats.dials, band, cell.dials);
    add(stats.conversations, band, cell.conversations);
    add(stats.weekdayDials!, band * 7 + weekday, cell.dials);
    add(stats.weekdayConversations!, band * 7 + weekday, cell.conversations);
    add(stats.hourDials!, cell.hour * 7 + weekday, cell.dials);
    add(stats.hourConversations!, cell.hour * 7 + weekday, cell.conversations);
    const segment = (stats.segments![cell.timeZone] ??= { dials: new Array<number>(bands.length).fill(0), conversations: new Array<number>(bands.length).fill(0) });
    add(segment.dials, band, cell.dials);
    add(segment.conversations, band, cell.conversations);
  }
  return stats;
}

/** The rep's own stats plus the team's (a new array set; neither input changes). */
export function withTeamStats(own: BandStats | undefined, team: BandStats, bandCount: number): BandStats {
  const mine = withLearningTables(structuredClone(own ?? emptyLearningStats(bandCount)), bandCount);
  const sum = (a: number[], b: number[]) => a.map((n, i) => n + (b[i] ?? 0));
  const segments = { ...mine.segments };
  for (const [zone, seg] of Object.entries(team.segments ?? {})) {
    const base = segments[zone] ?? { dials: new Array<number>(bandCount).fill(0), conversations: new Array<number>(bandCount).fill(0) };
    segments[zone] = { dials: sum(base.dials, seg.dials), conversations: sum(base.conversations, seg.conversations) };
  }
  return {
    dials: sum(mine.dials, team.dials),
    conversations: sum(mine.conversations, team.conversations),
    weekdayDials: sum(mine.weekdayDials!, team.weekdayDials ?? []),
    weekdayConversations: sum(mine.weekdayConversations!, team.weekdayConversations ?? []),
    hourDials: sum(mine.hourDials!, team.hourDials ?? []),
    hourConversations: sum(mine.hourConversations!, team.hourConversations ?? []),
    segments,
  };
}
