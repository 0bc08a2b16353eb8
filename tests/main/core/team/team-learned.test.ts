import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../../../shared/schedule.js';
import { buildAnswerModel, populationMean } from '../../../../main/core/schedule/answer-model.js';
import { emptyLearningStats } from '../../../../main/core/rotation/rotation-state.js';
import { teamBandStats, withTeamStats, type LearnedCell } from '../../../../main/core/team/team-learned.js';

const ZONE = 'America/Chicago';

/** The other reps' history: 18:00–21:00 answers four times as often as the day, every weekday. */
function teamHistory(): LearnedCell[] {
  const cells: LearnedCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    for (let hour = 8; hour < 21; hour += 1) {
      cells.push({ timeZone: ZONE, hour, weekday, dials: 100, conversations: hour >= 18 ? 40 : 10 });
    }
  }
  return cells;
}

describe("the team's learned stats", () => {
  it('count each cell in its band, weekday (Sunday = 0), hour and zone', () => {
    const stats = teamBandStats([{ timeZone: ZONE, hour: 19, weekday: 7, dials: 12, conversations: 5 }], DEFAULT_BANDS);
    const evening = DEFAULT_BANDS.findIndex((b) => b.id === '18-21');
    expect(stats.dials[evening]).toBe(12);
    expect(stats.conversations[evening]).toBe(5);
    expect(stats.weekdayDials![evening * 7 + 0]).toBe(12);
    expect(stats.hourDials![19 * 7 + 0]).toBe(12);
    expect(stats.segments![ZONE].conversations[evening]).toBe(5);
    expect(stats.dials.reduce((s, n) => s + n, 0)).toBe(12);
  });

  it("a new rep's population model favours the hours that answer for the team", () => {
    const own = emptyLearningStats(DEFAULT_BANDS.length);
    const alone = buildAnswerModel(own, DEFAULT_BANDS);
    const seeded = buildAnswerModel(withTeamStats(own, teamBandStats(teamHistory(), DEFAULT_BANDS), DEFAULT_BANDS.length), DEFAULT_BANDS);
    const morning = DEFAULT_BANDS.findIndex((b) => b.id === '08-10');
    const evening = DEFAULT_BANDS.findIndex((b) => b.id === '18-21');
    expect(populationMean(alone, ZONE, evening, 2)).toBe(populationMean(alone, ZONE, morning, 2));
    expect(populationMean(seeded, ZONE, evening, 2)).toBeGreaterThan(2 * populationMean(seeded, ZONE, morning, 2));
  });

  it("adds the team's counts to the rep's own without changing either", () => {
    const own = emptyLearningStats(DEFAULT_BANDS.length);
    own.dials[0] = 3;
    const team = teamBandStats(teamHistory(), DEFAULT_BANDS);
    const sum = withTeamStats(own, team, DEFAULT_BANDS.length);
    expect(sum.dials[0]).toBe(3 + team.dials[0]);
    expect(own.dials[0]).toBe(3);
    expect(sum.segments![ZONE].dials[0]).toBe(team.segments![ZONE].dials[0]);
  });
});
