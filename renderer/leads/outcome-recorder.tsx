import { forwardRef, useId, useState, type KeyboardEvent } from 'react';
import { MANUAL_OUTCOMES, OUTCOME_LABELS, type Attempt } from '../../shared/domain.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';

type ManualOutcome = (typeof MANUAL_OUTCOMES)[number];

interface Props {
  leadId: string;
  onRecorded: (attempt: Attempt) => void;
}

/**
 * Log a call made outside Dialdesk. Buttons carry the outcome names; keys 1–6
 * pick them while focus is in the group (not in the note).
 */
export const OutcomeRecorder = forwardRef<HTMLFieldSetElement, Props>(function OutcomeRecorder({ leadId, onRecorded }, ref) {
  const api = useApi();
  const noteId = useId();
  const [note, setNote] = useState('');
  const { busy, error, run } = useApiAction();
  const [done, setDone] = useState<string | null>(null);

  const record = async (outcome: ManualOutcome) => {
    if (busy) return;
    setDone(null);
    const result = await run(() => api.recordOutcome({ leadId, outcome, note: note.trim() }));
    if (!result.ok) return;
    setNote('');
    setDone(`Recorded: ${OUTCOME_LABELS[outcome]}`);
    onRecorded(result.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.target instanceof HTMLTextAreaElement || event.altKey || event.ctrlKey || event.metaKey) return;
    const outcome = MANUAL_OUTCOMES[Number(event.key) - 1];
    if (!outcome) return;
    event.preventDefault();
    void record(outcome);
  };

  return (
    <fieldset className="outcome-recorder" ref={ref} tabIndex={-1} onKeyDown={onKeyDown} aria-describedby={`${noteId}-hint`}>
      <legend>Record an outcome</legend>
      <label htmlFor={noteId}>Note (optional)</label>
      <textarea id={noteId} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="outcome-buttons">
        {MANUAL_OUTCOMES.map((outcome, i) => (
          <button
            key={outcome}
            type="button"
            className={`button outcome-button outcome-${outcome}`}
            disabled={busy}
            aria-keyshortcuts={String(i + 1)}
            onClick={() => void record(outcome)}
          >
            <kbd aria-hidden="true">{i + 1}</kbd>
            {OUTCOME_LABELS[outcome]}
          </button>
        ))}
      </div>
      <p id={`${noteId}-hint`} className="hint muted">
        Keys 1–6 record an outcome while a button here has focus.
      </p>
      <p role="status" className="status-line">
        {done}
      </p>
      {error ? <ErrorMessage error={error} title="The outcome was not recorded" /> : null}
    </fieldset>
  );
});
