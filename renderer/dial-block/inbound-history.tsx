import { InlineError } from '../ui/error-message.js';
import { downloadText, UTF8_BOM } from '../ui/download.js';
import { useCallback, useEffect, useState } from 'react';
import type { InboundRow, InboundState } from '../../shared/dial-block.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { formatDateTime } from '../ui/format-time.js';
import { useApiAction } from '../ui/use-api-action.js';
import { useRepZone } from '../ui/use-settings.js';

const STATES: Array<InboundState | ''> = ['', 'missed', 'suppressed', 'answered', 'returned'];

/** Every inbound call: missed, suppressed, answered, returned; searchable, exportable as CSV. */
export function InboundHistory() {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const repZone = useRepZone();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<InboundState | ''>('');
  const [page, setPage] = useState<{ total: number; rows: InboundRow[] } | null>(null);
  const load = useCallback(async () => {
    const result = await api.listInbound({ query, ...(state ? { state } : {}), offset: 0, limit: 200 });
    if (result.ok) setPage(result.value);
  }, [api, query, state]);
  useEffect(() => {
    void load();
  }, [load]);
  useDialdeskEvent((event) => {
    if (event.type === 'inbound.suppressed' || (event.type === 'sip.call' && event.call.direction === 'inbound' && event.call.status === 'ended')) void load();
  });

  const exportCsv = async () => {
    const result = await run(() => api.exportInboundCsv({}));
    if (!result.ok) return;
    downloadText('dialdesk-inbound.csv', UTF8_BOM + result.value);
  };

  return (
    <section className="inbound-history" aria-label="Inbound history">
      <header className="inbound-head">
        <h2>Inbound calls</h2>
        <input type="search" aria-label="Search inbound calls" placeholder="Number, name or reason" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Show" value={state} onChange={(e) => setState(e.target.value as InboundState | '')}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s === '' ? 'All' : s}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={busy} onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </header>
      <p className="muted">{page ? `${page.total} calls` : 'Loading…'}</p>
      <table className="inbound-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">From</th>
            <th scope="col">Lead</th>
            <th scope="col">State</th>
            <th scope="col">Probably answering</th>
          </tr>
        </thead>
        <tbody>
          {page?.rows.map((row) => (
            <tr key={row.id} className={`inbound-${row.state}`}>
              <td className="num">{formatDateTime(row.receivedAt, repZone)}</td>
              <td className="num">{row.from}</td>
              <td>{row.leadName || '—'}</td>
              <td>{row.state}</td>
              <td>{row.answering ? `voicemail of ${formatDateTime(row.answering.leftAt, repZone)}${row.answering.promisedFor ? `, promised ${formatDateTime(row.answering.promisedFor, repZone)}` : ''}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <InlineError error={error} />
    </section>
  );
}
