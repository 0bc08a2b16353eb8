import { useCallback, useEffect, useId, useState } from 'react';
import type { DoNotCallEntry, DoNotCallPage } from '../../shared/contract/index.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { formatDateTime } from '../ui/format-time.js';
import { useApiAction } from '../ui/use-api-action.js';
import { DoNotCallImport } from './do-not-call-import.js';
import './do-not-call.css';
import { digitsOf } from '../../shared/digits.js';

const PAGE = 100;

/** The imported do-not-call numbers: how many, where each came from, a search, and a removal that must be typed. */
export function DoNotCallScreen() {
  const api = useApi();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<DoNotCallPage | null>(null);
  const { error, run } = useApiAction();

  const load = useCallback(async () => {
    const result = await run(() => api.listDoNotCall({ query, offset, limit: PAGE }));
    if (result.ok) setPage(result.value);
  }, [api, run, query, offset]);

  useEffect(() => {
    void load();
  }, [load]);
  useDialdeskEvent((event) => {
    if (event.type === 'doNotCall.changed') void load();
  });

  const last = page ? Math.min(page.offset + page.entries.length, page.total) : 0;
  return (
    <section aria-labelledby={titleId}>
      <header className="screen-header">
        <h1 id={titleId} className="screen-title">
          Do not call
        </h1>
        {page ? (
          <p className="dnc-count" role="status">
            {page.count.toLocaleString()} {page.count === 1 ? 'number' : 'numbers'} on the list
          </p>
        ) : null}
      </header>
      {page?.damage ? (
        <div className="alert alert-error" role="alert">
          The last list could not be read ({page.damage.numbersOnIt.toLocaleString()} numbers were on it). No one is dialled until you
          import the list again or acknowledge the loss.
        </div>
      ) : null}
      <div className="dnc-toolbar">
        <input
          type="search"
          className="input"
          aria-label="Search the do-not-call list"
          placeholder="Search by number or file"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOffset(0);
          }}
        />
        {page && query ? (
          <span className="muted">
            {page.total.toLocaleString()} {page.total === 1 ? 'match' : 'matches'}
          </span>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} title="The do-not-call list could not be loaded" /> : null}
      {page && page.entries.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table dnc-table" aria-label="Do-not-call numbers">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Came from</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <EntryRow key={entry.number} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      ) : page ? (
        <p className="muted">{query ? 'No number on the list matches.' : 'The list is empty.'}</p>
      ) : null}
      {page && page.total > PAGE ? (
        <div className="dnc-pager">
          <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span className="muted">
            {(page.offset + 1).toLocaleString()}–{last.toLocaleString()} of {page.total.toLocaleString()}
          </span>
          <button type="button" className="button" disabled={last >= page.total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      ) : null}
      <DoNotCallImport />
    </section>
  );
}

/** One number; "Remove…" asks for the number to be typed again, and the core logs the removal. */
function EntryRow({ entry }: { entry: DoNotCallEntry }) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const { busy, error, run } = useApiAction();
  const matches = digitsOf(typed).length >= 7 && digitsOf(entry.number).endsWith(digitsOf(typed));

  const remove = async () => {
    const result = await run(() => api.removeDoNotCall({ number: entry.number, confirm: typed }));
    if (result.ok) setConfirming(false);
  };

  return (
    <tr>
      <td>
        <code>{entry.number}</code>
      </td>
      <td>{entry.source}</td>
      <td>{entry.addedAt ? formatDateTime(entry.addedAt) : '—'}</td>
      <td className="dnc-remove">
        {confirming ? (
          <form
            className="dnc-confirm"
            onSubmit={(event) => {
              event.preventDefault();
              void remove();
            }}
          >
            <label>
              Type {entry.number} to take it off the list
              <input className="input" value={typed} autoFocus onChange={(event) => setTyped(event.target.value)} aria-label={`Type ${entry.number} to confirm`} />
            </label>
            <button type="submit" className="button button-danger" disabled={!matches || busy}>
              Remove from the list
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            {error ? <ErrorMessage error={error} title="Not removed" /> : null}
          </form>
        ) : (
          <button type="button" className="button button-quiet" onClick={() => (setTyped(''), setConfirming(true))} aria-label={`Remove ${entry.number}…`}>
            Remove…
          </button>
        )}
      </td>
    </tr>
  );
}
