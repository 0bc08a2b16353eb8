import { OUTCOME_LABELS, type Attempt } from '../../shared/domain.js';
import { formatDateTime } from '../ui/format-time.js';

/** Every attempt on a lead, newest first. */
export function AttemptTimeline({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <p className="muted">No attempts yet.</p>;
  return (
    <ol className="timeline" aria-label="Attempt history">
      {attempts.map((attempt) => (
        <li key={attempt.id} className={`timeline-item outcome-${attempt.outcome}`}>
          <div className="timeline-head">
            <span className="timeline-outcome">{OUTCOME_LABELS[attempt.outcome]}</span>
            <time dateTime={attempt.startedAt}>{formatDateTime(attempt.startedAt)}</time>
          </div>
          <div className="timeline-meta muted">
            {attempt.source === 'manual' ? 'Recorded by hand' : 'Call'}
            {attempt.sipStatus !== null ? ` · SIP ${attempt.sipStatus}` : ''}
            {attempt.promisedFor ? ` · next attempt promised ${formatDateTime(attempt.promisedFor)}` : ''}
          </div>
          {attempt.note ? <p className="timeline-note">{attempt.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
