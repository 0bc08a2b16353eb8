import { describe, expect, it } from 'vitest';
import { nextTeamLine, teamLineText } from '../../../renderer/team/team-line-text.js';
import { clockTime, formatDateTime } from '../../../renderer/ui/format-time.js';

const NOW = Date.parse('2026-12-07T15:00:00Z');

describe('the team line in the status bar', () => {
  it('says synced with the time of the last sync: the clock today, the date another day', () => {
    const today = '2026-12-07T14:03:00Z';
    expect(teamLineText({ state: 'synced', at: today }, NOW)).toEqual({ text: `Team: synced ${clockTime(today)}`, tone: 'ok' });
    const earlier = '2026-12-01T09:00:00Z';
    expect(teamLineText({ state: 'synced', at: earlier }, NOW).text).toBe(`Team: synced ${formatDateTime(earlier)}`);
  });

  it('says offline since when the line dropped, and why', () => {
    const line = teamLineText({ state: 'offline', since: '2026-12-06T10:00:00Z', error: 'connect ECONNREFUSED 127.0.0.1:5432' }, NOW);
    expect(line.tone).toBe('warn');
    expect(line.text).toBe(`Team: offline since ${formatDateTime('2026-12-06T10:00:00Z')} (connect ECONNREFUSED 127.0.0.1:5432)`);
  });

  it("shows blocked loudest, with the gate's own reason", () => {
    const reason = "Do not call: the team's do-not-call list was last synced 2026-12-06 10:00 UTC, more than the team's limit of 24 hours ago";
    expect(teamLineText({ state: 'blocked', reason }, NOW)).toEqual({ text: `Team: blocked. ${reason}`, tone: 'blocked' });
    expect(teamLineText({ state: 'syncing' }, NOW)).toEqual({ text: 'Team: syncing…', tone: 'busy' });
  });

  it('follows team.line events and ignores the others', () => {
    const synced = { state: 'synced' as const, at: '2026-12-07T14:03:00Z' };
    expect(nextTeamLine({ state: 'syncing' }, { type: 'team.line', line: synced })).toBe(synced);
    expect(nextTeamLine(synced, { type: 'leads.changed' })).toBe(synced);
  });
});
