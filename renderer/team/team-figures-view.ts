import type { TeamFigures, TeamRepFigures, TeamScriptFigures } from '../../shared/contract/team.js';

/** The team screen's rows: each rep, then the team's own row (rep null) last. Pure: unit tested. */
export function teamRows(figures: TeamFigures) {
  const byTeamLast = <T extends { rep: string | null }>(list: T[]) => [...list.filter((r) => r.rep !== null), ...list.filter((r) => r.rep === null)];
  return {
    reps: byTeamLast(figures.reps).map((r: TeamRepFigures) => ({ ...r, label: r.rep ?? 'Team', team: r.rep === null })),
    scripts: byTeamLast(figures.scripts).map((s: TeamScriptFigures) => ({
      ...s,
      repLabel: s.rep ?? 'Team',
      scriptLabel: `${s.scriptName} v${s.version}`,
      team: s.rep === null,
    })),
    hours: figures.hours.map((h) => ({ ...h, label: `${h.hour}:00`, rate: 100 * h.answerRate })),
  };
}

export function teamRangeLabel(range: 'day' | 'week' | 'all'): string {
  return range === 'day' ? 'Today' : range === 'week' ? 'Last 7 days' : 'All time';
}
