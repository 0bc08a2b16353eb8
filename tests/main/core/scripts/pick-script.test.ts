import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICEMAIL_SCRIPTS } from '../../../../main/core/scripts/default-scripts.js';
import { pickScript, voicemailStage } from '../../../../main/core/scripts/pick-script.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';

describe('voicemailStage', () => {
  it('moves from first to follow-up to opt-out after N unanswered voicemails', () => {
    const stage = (n: number) => voicemailStage({ unansweredVoicemails: n }, DEFAULT_SCHEDULE_SETTINGS);
    expect([voicemailStage(undefined, DEFAULT_SCHEDULE_SETTINGS), stage(1), stage(2), stage(3), stage(4)]).toEqual([
      'first',
      'follow-up',
      'follow-up',
      'opt-out',
      'opt-out',
    ]);
    expect(voicemailStage({ unansweredVoicemails: 1 }, { ...DEFAULT_SCHEDULE_SETTINGS, voicemailsBeforeOptOut: 1 })).toBe('opt-out');
  });
});

describe('pickScript', () => {
  it('spreads active scripts of a stage over leads, deterministically', () => {
    const picks = Array.from({ length: 200 }, (_, i) => pickScript(DEFAULT_VOICEMAIL_SCRIPTS, 'first', `lead-${i}`)!.id);
    const counts = new Map<string, number>();
    for (const id of picks) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['first-direct', 'first-referral']);
    expect(Math.min(...counts.values())).toBeGreaterThan(70);
    expect(pickScript(DEFAULT_VOICEMAIL_SCRIPTS, 'first', 'lead-7')).toBe(pickScript(DEFAULT_VOICEMAIL_SCRIPTS, 'first', 'lead-7'));
  });

  it('skips inactive scripts and returns null for an empty stage', () => {
    const scripts = DEFAULT_VOICEMAIL_SCRIPTS.map((s) => (s.id === 'first-direct' ? { ...s, active: false } : s));
    expect(pickScript(scripts, 'first', 'x')?.id).toBe('first-referral');
    expect(pickScript([], 'opt-out', 'x')).toBeNull();
  });
});
