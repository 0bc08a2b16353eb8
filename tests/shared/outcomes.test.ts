import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWERED_OUTCOMES, countsAgainstLead, MANUAL_OUTCOMES, OUTCOME_INFO, OUTCOME_LABELS, OUTCOMES, outcomeColour } from '../../shared/outcomes.js';
import { foldAttempt } from '../../main/core/rotation/rotation-state.js';
import { foldAttemptIntoSummary, emptySummary } from '../../main/core/store/lead-summary.js';
import { DEFAULT_SCHEDULE_SETTINGS as DEFAULT_SCHEDULE } from '../../shared/schedule.js';

const css = readFileSync(new URL('../../renderer/styles/base.css', import.meta.url), 'utf8');

describe('shared/outcomes', () => {
  it('gives every outcome a label and a colour token that the stylesheet defines', () => {
    for (const outcome of OUTCOMES) {
      expect(OUTCOME_LABELS[outcome], outcome).toMatch(/\S/);
      const token = OUTCOME_INFO[outcome].colourToken;
      expect(css, `${outcome}: ${token} is not defined in base.css`).toMatch(new RegExp(`${token}:\\s*#[0-9a-f]{6};`, 'i'));
      expect(outcomeColour(outcome)).toBe(`var(${token})`);
    }
    // The three that drew nothing on the strip before.
    for (const outcome of ['gatekeeper', 'wrong-person', 'call-back'] as const) expect(css).toContain(`${OUTCOME_INFO[outcome].colourToken}:`);
  });

  it('keeps the checkpoint numbering: the old outcomes keep their index, new ones come after', () => {
    expect(OUTCOMES.slice(0, 11)).toEqual(['no-answer', 'voicemail', 'busy', 'conversation', 'wrong-number', 'bad-number', 'do-not-call', 'failed', 'wrong-person', 'gatekeeper', 'call-back']);
  });

  it('has voicemail-no-message as an outcome a rep can settle an answered call with, and record by hand', () => {
    expect(OUTCOMES).toContain('voicemail-no-message');
    expect(ANSWERED_OUTCOMES).toContain('voicemail-no-message');
    expect(MANUAL_OUTCOMES).toContain('voicemail-no-message');
    expect(countsAgainstLead('voicemail-no-message')).toBe(true);
  });

  it('has one table of what counts against the lead: failed and the rep’s own cancel do not', () => {
    expect(OUTCOMES.filter((o) => !countsAgainstLead(o))).toEqual(['failed', 'canceled']);
  });

  it('the rotation fold and the lead summary follow that table', () => {
    const zones = { zones: ['America/New_York'], ambiguous: false, source: "import" as const };
    const startedAt = '2026-03-10T15:00:00.000Z';
    for (const outcome of OUTCOMES) {
      const attempt = { id: 'a', leadId: 'l', outcome, startedAt, recordedAt: startedAt, endedAt: null, source: 'call' as const, note: '', sipStatus: null, scriptId: null, scriptVersion: null, promisedFor: null };
      const state = foldAttempt(undefined, attempt, zones as never, DEFAULT_SCHEDULE);
      expect(state.attempts, outcome).toBe(countsAgainstLead(outcome) ? 1 : 0);
      const summary = foldAttemptIntoSummary(emptySummary(), attempt, '2026-03', null);
      expect(summary.attempts, outcome).toBe(countsAgainstLead(outcome) ? 1 : 0);
    }
  });

  it('voicemail-no-message is neither a conversation nor a voicemail left', () => {
    const zones = { zones: ['America/New_York'], ambiguous: false, source: "import" as const };
    const startedAt = '2026-03-10T15:00:00.000Z';
    const attempt = { id: 'a', leadId: 'l', outcome: 'voicemail-no-message' as const, startedAt, recordedAt: startedAt, endedAt: null, source: 'call' as const, note: '', sipStatus: 200, scriptId: null, scriptVersion: null, promisedFor: null };
    const state = foldAttempt(undefined, attempt, zones as never, DEFAULT_SCHEDULE);
    expect(state.unansweredVoicemails).toBe(0);
    expect(state.status).toBe('active');
    const summary = foldAttemptIntoSummary(emptySummary(), attempt, '2026-03', null);
    expect(summary).toMatchObject({ conversations: 0, voicemails: 0, attempts: 1 });
  });
});
