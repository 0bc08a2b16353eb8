import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS, SETTLE_SHORTCUTS, settleActionForKey } from '../../../renderer/ui/settle-keys.js';
import { ANSWERED_OUTCOMES } from '../../../shared/outcomes.js';

describe('the keys that settle an answered call (a block call or one dialled from a lead)', () => {
  it('has a key for every answered outcome but the call-back (7 asks its time), each key once', () => {
    expect(new Set(OUTCOME_KEYS.map((k) => k.outcome))).toEqual(new Set(ANSWERED_OUTCOMES.filter((o) => o !== 'call-back')));
    const keys = [...OUTCOME_KEYS.map((k) => k.key), 'y', 'n', 'h', '7', 'w'];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('hangs up only while the lead is on the line; everything else settles, connected or ended', () => {
    expect(settleActionForKey('h', true)).toEqual({ kind: 'hang-up' });
    expect(settleActionForKey('H', false)).toBeNull();
    for (const connected of [true, false]) {
      expect(settleActionForKey('1', connected)).toEqual({ kind: 'settle', outcome: 'conversation' });
      expect(settleActionForKey('8', connected)).toEqual({ kind: 'settle', outcome: 'voicemail-no-message' });
      expect(settleActionForKey('9', connected)).toEqual({ kind: 'settle', outcome: 'bad-number' });
      expect(settleActionForKey('Y', connected)).toEqual({ kind: 'permission', answer: 'yes' });
      expect(settleActionForKey('n', connected)).toEqual({ kind: 'permission', answer: 'no' });
      expect(settleActionForKey('7', connected)).toEqual({ kind: 'call-back' });
      expect(settleActionForKey('w', connected)).toEqual({ kind: 'work-again' });
    }
    for (const key of ['0', ' ', 'Escape', 'v', 'b', 'Enter']) expect(settleActionForKey(key, true)).toBeNull();
  });

  it('lists every key it handles', () => {
    const listed = SETTLE_SHORTCUTS.flatMap((s) => s.keys.split(' / ').map((k) => k.toLowerCase()));
    expect(listed.sort()).toEqual([...OUTCOME_KEYS.map((k) => k.key), 'y', 'n', 'h', '7', 'w'].sort());
  });
});
