import type { TeamLine } from '../../shared/contract/team.js';
import { clockTime, formatDateTime, isoDate } from '../ui/format-time.js';

export type TeamLineTone = 'ok' | 'busy' | 'warn' | 'blocked';

/** "14:03" today, "Dec 1, 2026, 2:05 PM" another day: a time the rep can place. */
function when(iso: string, now: number): string {
  return isoDate(iso) === isoDate(now) ? clockTime(iso) : formatDateTime(iso);
}

/** The status bar's words for the team line, and how loudly to show them. Pure: unit tested. */
export function teamLineText(line: TeamLine, now: number): { text: string; tone: TeamLineTone } {
  switch (line.state) {
    case 'syncing':
      return { text: 'Team: syncing…', tone: 'busy' };
    case 'synced':
      return { text: `Team: synced ${when(line.at, now)}`, tone: 'ok' };
    case 'offline':
      return { text: `Team: offline since ${when(line.since, now)} (${line.error})`, tone: 'warn' };
    case 'blocked':
      // The gate's own reason: why no dial leaves, and what unblocks it.
      return { text: `Team: blocked. ${line.reason}`, tone: 'blocked' };
    case 'stopped':
      return { text: 'Team: not connected', tone: 'warn' };
  }
}

/** The line after a core event, or as it was. */
export function nextTeamLine(current: TeamLine | null, event: { type: string; line?: TeamLine }): TeamLine | null {
  return event.type === 'team.line' && event.line ? event.line : current;
}
