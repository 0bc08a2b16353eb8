import { useState } from 'react';
import { ANSWERED_OUTCOMES, OUTCOME_LABELS, type AnsweredOutcome } from '../../shared/outcomes.js';
import { useApi } from '../api/api-context.js';
import { instantOfLocalInput } from '../ui/format-time.js';
import { useApiAction } from '../ui/use-api-action.js';
import { useRepZone } from '../ui/use-settings.js';

/** A call-back needs the time the lead asked for: asked below. */
const QUICK = ANSWERED_OUTCOMES.filter((o): o is Exclude<AnsweredOutcome, 'call-back'> => o !== 'call-back');

/**
 * An answered call could be a person or a machine: the rep says which. The call is one attempt,
 * written when settled here (or by "I left this voicemail", or by the beep detector). The same
 * choices as a dial block's keys: each outcome, the permission question in a conversation
 * ("May I contact you again?" — no opts the lead out), and a call-back at the time the lead asked.
 * Used on a call outside a block and in the To settle list.
 */
export function SettleOutcome({ callId, onSettled }: { callId: string; onSettled?: (outcome: AnsweredOutcome) => void }) {
  const api = useApi();
  const repZone = useRepZone();
  const { busy, error, run } = useApiAction();
  const [settled, setSettled] = useState<AnsweredOutcome | null>(null);
  const [callbackAt, setCallbackAt] = useState('');
  if (settled) return <p className="call-settled muted">Recorded: {OUTCOME_LABELS[settled]}</p>;
  const settle = async (input: Omit<Parameters<typeof api.settleCall>[0], 'id'>) => {
    const result = await run(() => api.settleCall({ id: callId, ...input }));
    if (result.ok) {
      setSettled(input.outcome);
      onSettled?.(input.outcome);
    }
  };
  return (
    <div className="call-settle" role="group" aria-label="What was this call?">
      <span className="muted">What was it?</span>
      {QUICK.map((outcome) => (
        <button key={outcome} type="button" className="button" disabled={busy} onClick={() => void settle({ outcome })}>
          {OUTCOME_LABELS[outcome]}
        </button>
      ))}
      <span className="call-permission" role="group" aria-label="May I contact you again?">
        <span className="muted">“May I contact you again when there is something new?”</span>
        <button type="button" className="button" disabled={busy} onClick={() => void settle({ outcome: 'conversation', permission: 'yes' })}>
          Permission: yes
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void settle({ outcome: 'conversation', permission: 'no' })}>
          Permission: no (opts out)
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
          Call back at (your time)
          <input type="datetime-local" value={callbackAt} onChange={(e) => setCallbackAt(e.target.value)} required />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Record call-back
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
