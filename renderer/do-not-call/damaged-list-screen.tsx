import { useId, useState } from 'react';
import type { DoNotCallDamage } from '../../shared/contract/index.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useApiAction } from '../ui/use-api-action.js';
import { DoNotCallImport } from './do-not-call-import.js';
import './do-not-call.css';

interface Props {
  damage: DoNotCallDamage;
  /** The list was imported again or the loss acknowledged: the app re-reads its status and moves on. */
  onResolved: () => void;
}

/**
 * Fail closed: the do-not-call list could not be read, so Dialdesk dials no one
 * (the core refuses every dial) until the rep imports the list again or says,
 * knowing how many numbers it held, that dialling may go on without them.
 */
export function DamagedListScreen({ damage, onResolved }: Props) {
  const api = useApi();
  const titleId = useId();
  const [understood, setUnderstood] = useState(false);
  const { busy, error, run } = useApiAction();
  useDialdeskEvent((event) => {
    if (event.type === 'doNotCall.changed') onResolved();
  });

  const acknowledge = async () => {
    const result = await run(() => api.acknowledgeDoNotCallDamage({ confirm: true }));
    if (result.ok) onResolved();
  };

  const numbers = `${damage.numbersOnIt.toLocaleString()} ${damage.numbersOnIt === 1 ? 'number' : 'numbers'}`;
  return (
    <main className="data-error" aria-labelledby={titleId}>
      <section className="card data-error-card dnc-damaged">
        <h1 id={titleId}>The do-not-call list could not be read</h1>
        <p className="dnc-damaged-count" role="status">
          It held {numbers}. Until the list is back, Dialdesk dials no one.
        </p>
        <p className="data-error-message">{damage.reason}</p>
        <p>
          The damaged file is kept as <code>{damage.keptAs}</code>.
        </p>
        <DoNotCallImport />
        <div className="dnc-acknowledge">
          <h2>Or go on without those numbers</h2>
          <label className="checkbox">
            <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
            I understand that the {numbers} on the damaged list are no longer blocked.
          </label>
          {error ? <ErrorMessage error={error} title="Dialling is still stopped" /> : null}
          <button type="button" className="button button-danger" disabled={!understood || busy} onClick={() => void acknowledge()}>
            Resume dialling without them
          </button>
        </div>
      </section>
    </main>
  );
}
