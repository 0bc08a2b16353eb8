import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { registrationText } from './format.js';
import { useSip } from '../ui/use-sip.js';

/** One line on every screen: is the phone line up, since when is it down, retry now. */
export function RegistrationStatus() {
  const api = useApi();
  const { state } = useSip();
  const [retrying, setRetrying] = useState(false);
  const registration = state.registration;
  const { text, tone } = registrationText(registration);
  const canRetry = registration?.status === 'failed' || registration?.status === 'offline';

  const retry = async () => {
    setRetrying(true);
    await api.retryRegistration({});
    setRetrying(false);
  };

  return (
    // A named region, not role="status": screens keep their own single status line.
    <section className={`phone-status tone-${tone}`} aria-label="Phone line">
      <span className="phone-status-dot" aria-hidden="true" />
      <span className="phone-status-text" aria-live="polite">
        {text}
      </span>
      {canRetry ? (
        <button type="button" className="button button-quiet button-small" onClick={() => void retry()} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry now'}
        </button>
      ) : null}
    </section>
  );
}
