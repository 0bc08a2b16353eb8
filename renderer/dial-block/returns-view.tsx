import { InlineError } from '../ui/error-message.js';
import { downloadText } from '../ui/download.js';
import { useCallback, useEffect, useState } from 'react';
import type { ReturnsQueue } from '../../shared/dial-block.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { formatDateTime, formatSpan } from '../ui/format-time.js';
import { useApiAction } from '../ui/use-api-action.js';
import { useRepZone } from '../ui/use-settings.js';

/** The people who called during blocks, oldest first, each with why they probably called. */
export function ReturnsView() {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const repZone = useRepZone();
  const [queue, setQueue] = useState<ReturnsQueue | null>(null);
  const load = useCallback(async () => {
    const result = await api.getReturnsQueue({});
    if (result.ok) setQueue(result.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  useDialdeskEvent((event) => {
    if (event.type === 'returns.slot-started') setQueue(event.queue);
    if (event.type === 'inbound.suppressed' || event.type === 'leads.changed') void load();
  });

  const downloadIcs = async () => {
    const result = await run(() => api.exportReturnsIcs({}));
    if (!result.ok) return;
    downloadText('dialdesk-returns.ics', result.value, 'text/calendar;charset=utf-8');
  };

  if (!queue) return <p aria-busy="true">Loading returns…</p>;
  return (
    <section className="returns-view" aria-label="Returns slot">
      <header className="returns-head">
        <h2>Returns</h2>
        <p role="status">
          {queue.slot
            ? `${queue.slot.running ? 'Slot running now' : 'Next slot'}: ${formatSpan(queue.slot.startsAt, queue.slot.endsAt, repZone)}`
            : 'No returns slots set: add them under Settings.'}
        </p>
        <button type="button" className="button" disabled={busy} onClick={() => void downloadIcs()}>
          Add slots to my calendar (.ics)
        </button>
      </header>
      {queue.items.length === 0 ? <p className="muted">Nobody is waiting for a call back.</p> : null}
      <ol className="returns-list" aria-label="Callers waiting">
        {queue.items.map((item) => (
          <li key={item.inboundId} className={item.stale ? 'return-item stale' : 'return-item'}>
            <div>
              <strong>{item.leadName || item.from}</strong> <span className="num muted">{item.from}</span>
              {item.calls.length > 1 ? <span className="badge">called {item.calls.length}×</span> : null}
              {item.stale ? <span className="badge badge-warn">waiting over a day</span> : null}
            </div>
            <p className="muted">
              Called {formatDateTime(item.firstCalledAt, repZone)} · {item.why}
            </p>
            <p className="return-opener">“{item.opener}”</p>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(() => api.returnCall({ inboundId: item.inboundId })).then(() => load())}>
              Call back
            </button>
          </li>
        ))}
      </ol>
      <InlineError error={error} />
    </section>
  );
}
