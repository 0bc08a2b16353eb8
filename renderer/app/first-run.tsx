import { useState } from 'react';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from './error-message.js';

interface Props {
  onImport: () => void;
  onSampleLoaded: () => void;
}

/** No leads and no history yet: bring in real leads, or try the app with the sample list. */
export function FirstRun({ onImport, onSampleLoaded }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const loadSample = async () => {
    setBusy(true);
    setError(null);
    const result = await api.loadSampleLeads({});
    setBusy(false);
    if (result.ok) onSampleLoaded();
    else setError(result.error);
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="card first-run-card">
        <h1 id="first-run-title">Welcome to Dialdesk</h1>
        <p>Start with your leads from your CRM export, or look around with a sample list first.</p>
        <div className="first-run-actions">
          <button type="button" className="button button-primary" onClick={onImport}>
            Import a CSV
          </button>
          <button type="button" className="button" disabled={busy} onClick={loadSample}>
            {busy ? 'Loading sample leads…' : 'Load sample leads'}
          </button>
        </div>
        {error ? <ErrorMessage error={error} title="Could not load the sample leads" /> : null}
      </div>
    </section>
  );
}
