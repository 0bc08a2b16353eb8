import type { AppStatus } from '../../shared/contract/index.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';

interface Props {
  message: string;
  keptFiles: string[];
  onStarted: (status: AppStatus) => void;
}

/** The store could not be read. Nothing was replaced; say where the rep's data is and offer a fresh start. */
export function DataErrorScreen({ message, keptFiles, onStarted }: Props) {
  const api = useApi();
  const { busy, error, run } = useApiAction();

  const startFresh = async () => {
    const result = await run(() => api.startFreshStore({ confirm: true }));
    if (result.ok) onStarted(result.value);
  };

  return (
    <main className="data-error" aria-labelledby="data-error-title">
      <section className="card data-error-card">
        <h1 id="data-error-title">Dialdesk could not read your lead data</h1>
        <p className="data-error-message">{message}</p>
        <p>Nothing has been deleted or overwritten. Your data is still in:</p>
        <ul className="kept-files" aria-label="Kept files">
          {keptFiles.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
        <p className="muted">
          You can copy these files somewhere safe or send them to support. Starting fresh leaves them exactly where they are.
        </p>
        {error ? <ErrorMessage error={error} title="Could not start with an empty list" /> : null}
        <button type="button" className="button button-primary" disabled={busy} onClick={startFresh}>
          Start with an empty list (your damaged file stays where it is)
        </button>
      </section>
    </main>
  );
}
