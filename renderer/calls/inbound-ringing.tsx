import { InlineError } from '../ui/error-message.js';
import { useEffect, useState } from 'react';
import type { CallView } from '../../shared/sip.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { callParty } from './format.js';
import { ringingCalls } from '../ui/sip-state.js';
import { useSip } from '../ui/use-sip.js';

/** An inbound call ringing: who it is (and which lead, when the number matches one), accept or decline. */
export function InboundRinging() {
  const { state } = useSip();
  const ringing = ringingCalls(state);
  if (ringing.length === 0) return null;
  return (
    <>
      {ringing.map((call) => (
        <RingingCall key={call.id} call={call} />
      ))}
    </>
  );
}

function RingingCall({ call }: { call: CallView }) {
  const api = useApi();
  const [lead, setLead] = useState<string | null>(null);
  const { busy, error, run } = useApiAction();

  useEffect(() => {
    if (!call.leadId) return;
    let current = true;
    void api.getLead({ id: call.leadId }).then((result) => {
      if (!current || !result.ok) return;
      const { firstName, lastName, company } = result.value.lead;
      const name = `${firstName} ${lastName}`.trim();
      setLead([name, company].filter(Boolean).join(', '));
    });
    return () => {
      current = false;
    };
  }, [api, call.leadId]);


  return (
    <section className="inbound-call" aria-label="Incoming call">
      <div className="inbound-info">
        <span className="inbound-title">Incoming call</span>
        <span className="call-party">{callParty(call)}</span>
        <span className="inbound-lead">{call.leadId ? (lead ? `Lead: ${lead}` : 'Lead: …') : 'Not one of your leads'}</span>
      </div>
      <div className="call-actions">
        <button type="button" className="button button-answer" disabled={busy} onClick={() => void run(() => api.answerInbound({ callId: call.id }))}>
          Accept
        </button>
        <button type="button" className="button button-hangup" disabled={busy} onClick={() => void run(() => api.declineInbound({ callId: call.id }))}>
          Decline
        </button>
      </div>
      <InlineError error={error} />
    </section>
  );
}
