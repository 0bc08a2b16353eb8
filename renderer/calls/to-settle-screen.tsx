import { useCallback, useEffect, useState } from 'react';
import type { OpenCallView } from '../../shared/contract/index.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { formatDateTime } from '../ui/format-time.js';
import { useRepZone } from '../ui/use-settings.js';
import { SettleOutcome } from './settle-outcome.js';

/**
 * Every answered call nobody has said the outcome of yet, oldest first: none vanishes, after a
 * restart either. Each is settled here with the same choices as on the call.
 */
export function ToSettleScreen() {
  const api = useApi();
  const repZone = useRepZone();
  const [calls, setCalls] = useState<OpenCallView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await api.listOpenCalls({});
    if (result.ok) setCalls(result.value);
    else setError(result.error.message);
  }, [api]);
  useEffect(() => void load(), [load]);
  useDialdeskEvent((event) => {
    if (event.type === 'leads.changed' || (event.type === 'sip.call' && event.call.status === 'ended')) void load();
  });

  return (
    <section className="to-settle card" aria-label="To settle">
      <h2>To settle</h2>
      <p className="hint">Answered calls still waiting for what they were. Each is one attempt, written when you say.</p>
      {error ? <p role="alert">{error}</p> : null}
      {calls === null ? <p aria-busy="true">Loading…</p> : null}
      {calls?.length === 0 ? <p className="muted">Nothing to settle: every answered call has its outcome.</p> : null}
      <ul className="to-settle-list">
        {calls?.map((call) => (
          <li key={call.callId} aria-label={`Call with ${call.leadName || 'an unknown lead'}`}>
            <p>
              <strong>{call.leadName || 'Unknown lead'}</strong> · answered call at {formatDateTime(call.startedAt, repZone)}
              {call.endedAt === null ? ' · still on the line' : ''}
            </p>
            <SettleOutcome callId={call.callId} />
          </li>
        ))}
      </ul>
    </section>
  );
}
