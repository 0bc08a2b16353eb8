import { OUTCOME_KEYS, SETTLE_SHORTCUTS, settleActionForKey, type SettleAction } from '../ui/settle-keys.js';
import type { BlockView } from '../../shared/dial-block.js';

export { OUTCOME_KEYS };

export type BlockAction =
  | { kind: 'dial' }
  | { kind: 'cancel' }
  | SettleAction
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'skip' }
  | { kind: 'end' }
  | { kind: 'help' };

/** Every shortcut of the dial block, in one place: the focus view shows them and the help lists them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; label: string; when: string }> = [
  { keys: 'Space', label: 'Dial the lead (or dial now during the countdown)', when: 'ready' },
  { keys: 'Esc', label: 'Cancel the ringing call, or stop the countdown', when: 'ringing' },
  ...SETTLE_SHORTCUTS,
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
  return answered ? settleActionForKey(k, phase === 'answered') : null;
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
