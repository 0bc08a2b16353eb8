import { describe, expect, it } from 'vitest';
import { teamRows } from '../../../renderer/team/team-figures-view.js';

describe("the team screen's rows", () => {
  it('lists each rep, then the team row last, and labels script versions and hours', () => {
    const figures = {
      from: null,
      to: null,
      reps: [
        { rep: null, dials: 3, conversations: 1, conversationRate: 1 / 3, voicemails: 1, returns: 1, returnRate: 1, promisesKept: 0, promisesBroken: 1 },
        { rep: 'Alice', dials: 3, conversations: 1, conversationRate: 1 / 3, voicemails: 1, returns: 1, returnRate: 1, promisesKept: 0, promisesBroken: 1 },
      ],
      scripts: [
        { rep: null, scriptName: 'Intro', version: 2, voicemails: 1, returns: 1, returnRate: 1 },
        { rep: 'Alice', scriptName: 'Intro', version: 2, voicemails: 1, returns: 1, returnRate: 1 },
      ],
      hours: [{ hour: 9, dials: 2, conversations: 1, answerRate: 0.5 }],
    };
    const rows = teamRows(figures);
    expect(rows.reps.map((r) => [r.label, r.team])).toEqual([
      ['Alice', false],
      ['Team', true],
    ]);
    expect(rows.scripts.map((s) => [s.repLabel, s.scriptLabel])).toEqual([
      ['Alice', 'Intro v2'],
      ['Team', 'Intro v2'],
    ]);
    expect(rows.hours).toEqual([{ hour: 9, dials: 2, conversations: 1, answerRate: 0.5, label: '9:00', rate: 50 }]);
  });
});
