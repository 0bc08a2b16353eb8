import { useEffect, useRef, useState } from 'react';
import { ANSWERED_OUTCOMES, OUTCOME_LABELS, type AnsweredOutcome } from '../../shared/outcomes.js';
import { useApi } from '../api/api-context.js';
import { instantOfLocalInput } from '../ui/format-time.js';
import { OUTCOME_KEYS, settleActionForKey, type SettleAction } from '../ui/settle-keys.js';
import { typingInField } from '../ui/shortcut.js';
import { useApiAction } from '../ui/use-api-action.js';
import { useRepZone } from '../ui/use-settings.js';

/** A call-back needs the time the lead asked for: asked below. */
const QUICK = ANSWERED_OUTCOMES.filter((o): o is Exclude<AnsweredOutcome, 'call-back'> => o !== 'call-back');
const KEY_OF = new Map(OUTCOME_KEYS.map((k) => [k.outcome, k.key]));

/** A reached lead is usually worth another cadence in about a month; the rep can change it. */
const DEFAULT_WORK_AGAIN_DAYS = 30;

interface Props {
  callId: string;
  onSettled?: (outcome: AnsweredOutcome) => void;
  /**
   * The call bar's panel takes the dial block's settle keys (1–6, 8, Y/N, 7, W, and H while the
   * lead is still on the line). The To settle list shows several calls at once, so it has none.
   */
  keys?: { connected: boolean; hangUp: () => void };
}

/**
 * An answered call could be a person or a machine: the rep says which. The call is one attempt,
 * written when settled here (or by "I left this voicemail", or by the beep detector). The same
 * choices and keys as a dial block's focus view: each outcome, the permission question in a
 * conversation ("May I contact you again?" — no opts the lead out), a call-back at the time the
 * lead asked, and "work again in N days". Used on a call outside a block and in the To settle list.
 */
export function SettleOutcome({ callId, onSettled, keys }: Props) {
  const api = useApi();
  const repZone = useRepZone();
  const { busy, error, run } = useApiAction();
  const [settled, setSettled] = useState<AnsweredOutcome | null>(null);
  const [callbackAt, setCallbackAt] = useState('');
  const [workAgainDays, setWorkAgainDays] = useState(String(DEFAULT_WORK_AGAIN_DAYS));
  const callbackInput = useRef<HTMLInputElement>(null);
  const workAgainInput = useRef<HTMLInputElement>(null);

  const settle = async (input: Omit<Parameters<typeof api.settleCall>[0], 'id'>) => {
    const result = await run(() => api.settleCall({ id: callId, ...input }));
    if (result.ok) {
      setSettled(input.outcome);
      onSettled?.(input.outcome);
    }
  };

  const act = (action: SettleAction) => {
    switch (action.kind) {
      case 'hang-up':
        return keys?.hangUp();
      case 'settle':
        return void settle({ outcome: action.outcome });
      case 'permission':
        return void settle({ outcome: 'conversation', permission: action.answer });
      case 'call-back':
        return callbackInput.current?.focus();
      case 'work-again':
        workAgainInput.current?.focus();
        return workAgainInput.current?.select();
    }
  };

  // On the window, so the keys work wherever the page's focus is; a key another part of the page
  // already took (the dial block's focus view, the outcome recorder) is left alone.
  const latest = useRef({ act, busy, settled, keys });
  latest.current = { act, busy, settled, keys };
  const keyed = keys !== undefined;
  useEffect(() => {
    if (!keyed) return;
    const onKey = (event: KeyboardEvent) => {
      const { act: run_, busy: busy_, settled: settled_, keys: keys_ } = latest.current;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return;
      if (busy_ || settled_ || !keys_) return;
      const action = settleActionForKey(event.key, keys_.connected);
      if (!action) return;
      event.preventDefault();
      run_(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyed]);

  if (settled) return <p className="call-settled muted">Recorded: {OUTCOME_LABELS[settled]}</p>;
  const kbd = (key: string | undefined) => (keyed && key ? <kbd>{key}</kbd> : null);
  return (
    <div className="call-settle" role="group" aria-label="What was this call?">
      <span className="muted">What was it?</span>
      {QUICK.map((outcome) => (
        <button key={outcome} type="button" className="button" disabled={busy} onClick={() => void settle({ outcome })}>
          {kbd(KEY_OF.get(outcome))} {OUTCOME_LABELS[outcome]}
        </button>
      ))}
      <span className="call-permission" role="group" aria-label="May I contact you again?">
        <span className="muted">“May I contact you again when there is something new?”</span>
        <button type="button" className="button" disabled={busy} onClick={() => void settle({ outcome: 'conversation', permission: 'yes' })}>
          {kbd('Y')} Permission: yes
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void settle({ outcome: 'conversation', permission: 'no' })}>
          {kbd('N')} Permission: no (opts out)
        </button>
      </span>
      <form
        className="call-callback"
        aria-label="Call back at a time"
        onSubmit={(event) => {
          event.preventDefault();
          if (callbackAt) void settle({ outcome: 'call-back', callbackAt: instantOfLocalInput(callbackAt, repZone) ?? callbackAt });
        }}
      >
        <label>
          {kbd('7')} Call back at (your time)
          <input ref={callbackInput} type="datetime-local" value={callbackAt} onChange={(e) => setCallbackAt(e.target.value)} required />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Record call-back
        </button>
      </form>
      <form
        className="call-callback"
        aria-label="Work again in days"
        onSubmit={(event) => {
          event.preventDefault();
          const days = Number(workAgainDays);
          if (Number.isInteger(days) && days >= 1) void settle({ outcome: 'conversation', workAgainInDays: days });
        }}
      >
        <label>
          {kbd('W')} Conversation; work this lead again in (days)
          <input ref={workAgainInput} type="number" min={1} max={365} step={1} value={workAgainDays} onChange={(e) => setWorkAgainDays(e.target.value)} required />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Record, and work again then
        </button>
      </form>
      {error ? (
        <span className="field-error" role="alert">
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
