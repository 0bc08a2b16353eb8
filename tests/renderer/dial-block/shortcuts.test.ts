import { describe, expect, it } from 'vitest';
import { actionForKey, HeldKey, SHORTCUTS } from '../../../renderer/dial-block/shortcuts.js';
import type { BlockView } from '../../../shared/dial-block.js';

const view = (phase: BlockView['phase'], status: BlockView['status'] = 'running') => ({ phase, status }) as BlockView;

describe('dial block keys', () => {
  it('dials, cancels and skips only in the phases where that makes sense', () => {
    expect(actionForKey(' ', view('ready'))).toEqual({ kind: 'dial' });
    expect(actionForKey(' ', view('ringing'))).toBeNull();
    expect(actionForKey('Escape', view('ringing'))).toEqual({ kind: 'cancel' });
    expect(actionForKey('Escape', view('answered'))).toBeNull();
    expect(actionForKey('s', view('countdown'))).toEqual({ kind: 'skip' });
    expect(actionForKey('s', view('answered'))).toBeNull();
  });

  it('records outcomes, the permission answer, a call-back and "work again" only for an answered call', () => {
    for (const phase of ['answered', 'settling'] as const) {
      expect(actionForKey('1', view(phase))).toEqual({ kind: 'settle', outcome: 'conversation' });
      expect(actionForKey('N', view(phase))).toEqual({ kind: 'permission', answer: 'no' });
      expect(actionForKey('7', view(phase))).toEqual({ kind: 'call-back' });
      expect(actionForKey('w', view(phase))).toEqual({ kind: 'work-again' });
    }
    for (const key of ['1', 'n', '7', 'w', 'h']) expect(actionForKey(key, view('ready'))).toBeNull();
  });

  it('holds a key pressed while the last action is in flight and judges it again when that is done', () => {
    // The rep records the conversation (1) and hangs up (H) before the outcome's answer is back: it still hangs up.
    const keys = new HeldKey();
    expect(keys.press('1', view('answered'), false)).toEqual({ kind: 'settle', outcome: 'conversation' });
    expect(keys.press('h', view('answered'), true)).toBeNull();
    expect(keys.release(view('answered'))).toEqual({ kind: 'hang-up' });
    expect(keys.release(view('answered'))).toBeNull();
    // A second Space while the first is dialling is judged against the ringing call: no second dial.
    expect(keys.press(' ', view('ready'), true)).toBeNull();
    expect(keys.release(view('ringing'))).toBeNull();
    // Only the latest key is held; a key that is no shortcut is never held.
    keys.press('h', view('answered'), true);
    keys.press('x', view('answered'), true);
    keys.press('2', view('answered'), true);
    expect(keys.release(view('answered'))).toEqual({ kind: 'settle', outcome: 'voicemail' });
  });

  it('a paused block answers only pause, end and help', () => {
    expect(actionForKey('p', view('ready', 'paused'))).toEqual({ kind: 'resume' });
    expect(actionForKey('e', view('ready', 'paused'))).toEqual({ kind: 'end' });
    expect(actionForKey('?', view('ready', 'paused'))).toEqual({ kind: 'help' });
    expect(actionForKey(' ', view('ready', 'paused'))).toBeNull();
  });

  it('every key the handler knows is listed once on screen', () => {
    const listed = SHORTCUTS.flatMap((s) => s.keys.split(' / ')).map((k) => (k === 'Space' ? ' ' : k === 'Esc' ? 'Escape' : k.toLowerCase()));
    expect(new Set(listed).size).toBe(listed.length);
    const phases: BlockView['phase'][] = ['ready', 'countdown', 'dialing', 'ringing', 'answered', 'settling'];
    for (const key of [' ', 'Escape', ...'abcdefghijklmnopqrstuvwxyz0123456789?']) {
      const handled = phases.some((phase) => actionForKey(key, view(phase)) !== null);
      expect(handled, `key ${JSON.stringify(key)}`).toBe(listed.includes(key));
    }
  });
});

describe('the voicemail-no-message key', () => {
  it('8 settles an answered call as a machine with no message left', async () => {
    const { actionForKey, SHORTCUTS } = await import('../../../renderer/dial-block/shortcuts.js');
    const block = { status: 'running', phase: 'answered' } as Parameters<typeof actionForKey>[1];
    expect(actionForKey('8', block)).toEqual({ kind: 'settle', outcome: 'voicemail-no-message' });
    expect(SHORTCUTS.some((s) => s.keys === '8' && /no message/i.test(s.label))).toBe(true);
  });
});
