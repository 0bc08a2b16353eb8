import { useApi } from '../api/api-context.js';
import { useApiAction } from './use-api-action.js';
import { onCall } from './sip-state.js';
import { useSip } from './use-sip.js';

/**
 * Dials a lead's number through the core. The core may refuse (outside the lead's calling window,
 * do-not-call, line not registered): the reason is shown under the button.
 */
export function DialButton({ number, leadId }: { number: string; leadId: string | null }) {
  const api = useApi();
  const { state } = useSip();
  const { busy, error, run } = useApiAction();
  const lineBusy = onCall(state);

  const dial = () => run(() => api.dial({ number, leadId }));

  return (
    <div className="dial">
      <button
        type="button"
        className="button button-primary button-dial"
        disabled={busy || lineBusy}
        title={lineBusy ? 'Finish the current call first' : `Call ${number}`}
        onClick={() => void dial()}
      >
        {busy ? 'Dialing…' : 'Dial'}
      </button>
      {error ? (
        <p className="dial-refusal" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
