import { OUTCOME_LABELS, type AnsweredOutcome } from '../../shared/outcomes.js';
import type { BlockView } from '../../shared/dial-block.js';

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
  ] as const
).map(([key, outcome]) => ({ key, outcome, label: OUTCOME_LABELS[outcome] }));

export type BlockAction =
  | { kind: 'dial' }
  | { kind: 'cancel' }
  | { kind: 'hang-up' }
  | { kind: 'settle'; outcome: Exclude<AnsweredOutcome, 'call-back'> }
  | { kind: 'call-back' }
  | { kind: 'work-again' }
  | { kind: 'permission'; answer: 'yes' | 'no' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'skip' }
  | { kind: 'end' }
  | { kind: 'help' };

/** Every shortcut of the dial block, in one place: the focus view shows them and the help lists them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; label: string; when: string }> = [
  { keys: 'Space', label: 'Dial the lead (or dial now during the countdown)', when: 'ready' },
  { keys: 'Esc', label: 'Cancel the ringing call, or stop the countdown', when: 'ringing' },
  { keys: 'Y / N', label: 'Permission to contact again: yes / no (no opts the lead out)', when: 'conversation' },
  { keys: 'H', label: 'Hang up', when: 'conversation' },
  ...OUTCOME_KEYS.map((k) => ({ keys: k.key, label: k.label, when: 'answered' })),
  { keys: '7', label: 'Call back at a time the lead asked for', when: 'answered' },
  { keys: 'W', label: 'Conversation, and work the lead again in N days (restarts its cadence then)', when: 'answered' },
  { keys: 'S', label: 'Skip this lead (with a reason)', when: 'ready' },
  { keys: 'P', label: 'Pause / resume the block', when: 'any' },
  { keys: 'E', label: 'End the block', when: 'any' },
  { keys: '?', label: 'Show or hide this list', when: 'any' },
];

/** What a key does in the block's current state, or null (the key is left to the page). */
export function actionForKey(key: string, block: BlockView): BlockAction | null {
  const { phase, status } = block;
  const answered = phase === 'answered' || phase === 'settling';
  const k = key.length === 1 ? key.toLowerCase() : key;
  if (k === '?') return { kind: 'help' };
  if (k === 'p') return status === 'paused' ? { kind: 'resume' } : { kind: 'pause' };
  if (k === 'e') return { kind: 'end' };
  if (status !== 'running') return null;
  if (k === ' ' && (phase === 'ready' || phase === 'countdown')) return { kind: 'dial' };
  if (k === 'Escape' && (phase === 'dialing' || phase === 'ringing' || phase === 'countdown')) return { kind: 'cancel' };
  if (k === 's' && (phase === 'ready' || phase === 'countdown')) return { kind: 'skip' };
  if (k === 'h' && phase === 'answered') return { kind: 'hang-up' };
  if ((k === 'y' || k === 'n') && answered) return { kind: 'permission', answer: k === 'y' ? 'yes' : 'no' };
  if (k === '7' && answered) return { kind: 'call-back' };
  if (k === 'w' && answered) return { kind: 'work-again' };
  const outcome = OUTCOME_KEYS.find((o) => o.key === k);
  if (outcome && answered) return { kind: 'settle', outcome: outcome.outcome };
  return null;
}

/**
 * A key pressed while the block's last action is still in flight is held, not dropped: a rep who
 * presses H right after 1 hangs up once the conversation is recorded. The held key is judged again
 * against the block as it is when the action is done, so a second Space while the first is dialling
 * does not dial twice. Only the latest key is held.
 */
export class HeldKey {
  private key: string | null = null;

  /** The action to run now for `key`, or null: not a shortcut here, or held because `busy`. */
  press(key: string, block: BlockView, busy: boolean): BlockAction | null {
    const action = actionForKey(key, block);
    if (action && busy) {
      this.key = key;
      return null;
    }
    return action;
  }

  /** Once the action in flight is done: the held key's action against `block` now, or null. */
  release(block: BlockView): BlockAction | null {
    const key = this.key;
    this.key = null;
    return key === null ? null : actionForKey(key, block);
  }
}
