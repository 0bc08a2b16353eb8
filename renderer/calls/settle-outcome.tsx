import { useState } from 'react';
import { ANSWERED_OUTCOMES, OUTCOME_LABELS, type AnsweredOutcome } from '../../shared/domain.js';
import type { CallView } from '../../shared/sip.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';

/** A call-back needs the time the lead asked for: recorded from the dial block or the lead's panel. */
const QUICK = ANSWERED_OUTCOMES.filter((o): o is Exclude<AnsweredOutcome, 'call-back'> => o !== 'call-back');

/**
 * An answered call could be a person or a machine: the rep says which. The call is one attempt,
 * written when settled here (or by "I left this voicemail", or by the beep detector).
 */
export function SettleOutcome({ call }: { call: CallView }) {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [settled, setSettled] = useState<AnsweredOutcome | null>(null);
  if (settled) return <p className="call-settled muted">Recorded: {OUTCOME_LABELS[settled]}</p>;
  const settle = async (outcome: AnsweredOutcome) => {
    const result = await run(() => api.settleCall({ id: call.id, outcome }));
    if (result.ok) setSettled(outcome);
  };
  return (
    <div className="call-settle" role="group" aria-label="What was this call?">
      <span className="muted">What was it?</span>
      {QUICK.map((outcome) => (
        <button key={outcome} type="button" className="button" disabled={busy} onClick={() => void settle(outcome)}>
          {OUTCOME_LABELS[outcome]}
        </button>
      ))}
      {error ? (
        <span className="field-error" role="alert">
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
