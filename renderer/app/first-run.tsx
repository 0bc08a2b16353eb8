import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';

interface Props {
  onImport: () => void;
  onSampleLoaded: () => void;
}

/** No leads and no history yet: bring in real leads, or try the app with the sample list. */
export function FirstRun({ onImport, onSampleLoaded }: Props) {
  const api = useApi();
  const { busy, error, run } = useApiAction();

  const loadSample = async () => {
    const result = await run(() => api.loadSampleLeads({}));
    if (result.ok) onSampleLoaded();
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
