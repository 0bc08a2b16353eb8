import { OUTCOME_LABELS, type AnsweredOutcome } from '../../shared/outcomes.js';

/**
 * The keys that settle an answered call, the same in a dial block's focus view and on a call
 * dialled from a lead or a reminder: a rep learns them once.
 */

/** Outcome keys while a call is answered (or waits to be settled), in the order shown. */
export const OUTCOME_KEYS: ReadonlyArray<{ key: string; outcome: Exclude<AnsweredOutcome, 'call-back'>; label: string }> = (
  [
    ['1', 'conversation'],
    ['2', 'voicemail'],
    ['3', 'wrong-person'],
    ['4', 'gatekeeper'],
    ['5', 'do-not-call'],
    ['6', 'wrong-number'],
    ['8', 'voicemail-no-message'],
    // An intercept the beep detector did not catch ("the number you have dialed is not in service").
    ['9', 'bad-number'],
  ] as const
).map(([key, outcome]) => ({ key, outcome, label: OUTCOME_LABELS[outcome] }));

export type SettleAction =
  | { kind: 'hang-up' }
  | { kind: 'settle'; outcome: Exclude<AnsweredOutcome, 'call-back'> }
  | { kind: 'call-back' }
  | { kind: 'work-again' }
  | { kind: 'permission'; answer: 'yes' | 'no' };

/** The keys of an answered call, for the shortcut lists. */
export const SETTLE_SHORTCUTS: ReadonlyArray<{ keys: string; label: string; when: 'conversation' | 'answered' }> = [
  { keys: 'Y / N', label: 'Permission to contact again: yes / no (no opts the lead out)', when: 'conversation' },
  { keys: 'H', label: 'Hang up', when: 'conversation' },
  ...OUTCOME_KEYS.map((k) => ({ keys: k.key, label: k.label, when: 'answered' as const })),
  { keys: '7', label: 'Call back at a time the lead asked for', when: 'answered' },
  { keys: 'W', label: 'Conversation, and work the lead again in N days (restarts its cadence then)', when: 'answered' },
];

/**
 * What a key does to an answered call: `connected` while the lead is still on the line (H hangs
 * up), else the call has ended and waits for its outcome. Null: the key is left to the page.
 */
export function settleActionForKey(key: string, connected: boolean): SettleAction | null {
  const k = key.length === 1 ? key.toLowerCase() : key;
  if (k === 'h') return connected ? { kind: 'hang-up' } : null;
  if (k === 'y' || k === 'n') return { kind: 'permission', answer: k === 'y' ? 'yes' : 'no' };
  if (k === '7') return { kind: 'call-back' };
  if (k === 'w') return { kind: 'work-again' };
  const outcome = OUTCOME_KEYS.find((o) => o.key === k);
  return outcome ? { kind: 'settle', outcome: outcome.outcome } : null;
}
