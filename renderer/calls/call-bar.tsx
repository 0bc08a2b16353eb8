import { InlineError } from '../ui/error-message.js';
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { CallView } from '../../shared/sip.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { mediaEngineFor } from '../media/media-engine.js';
import { DtmfKeypad } from './dtmf-keypad.js';
import { callParty, callStateText, formatDuration } from './format.js';
import { LevelMeters } from './level-meters.js';
import { SettleOutcome } from './settle-outcome.js';
import { CallOpener } from './call-opener.js';
import { useBlockCall } from './use-block-call.js';
import { currentCall } from '../ui/sip-state.js';
import { useNow } from '../ui/use-now.js';
import { useSip } from '../ui/use-sip.js';

/** The live call (or the one that just ended): state, time, hang up/cancel, mute, hold, keypad, levels. */
export function CallBar() {
  const { state, store } = useSip();
  const call = currentCall(state);
  if (!call) return null;
  // Keyed by call: a new call starts with the keypad closed and no stale error.
  return <CallBarFor key={call.id} call={call} onDismiss={() => store.dismiss(call.id)} />;
}

function CallBarFor({ call, onDismiss }: { call: CallView; onDismiss: () => void }) {
  const api = useApi();
  const engine = mediaEngineFor(api);
  const problem = useSyncExternalStore(
    engine.subscribe,
    useCallback(() => engine.problem(call.id), [engine, call.id]),
  );
  const deviceOffer = useSyncExternalStore(
    engine.subscribe,
    useCallback(() => engine.deviceOffer(call.id), [engine, call.id]),
  );
  const { busy, error, run } = useApiAction();
  const [keypad, setKeypad] = useState(false);
  const [sent, setSent] = useState('');
  const live = call.status !== 'ended';
  const connected = call.status === 'connected';
  const now = useNow(1000, connected);
  // A dial block's own call is settled in its focus view, with the same keys.
  const blockCall = useBlockCall(call.id);

  const sendTone = (tone: string) => {
    setSent((s) => (s + tone).slice(-24));
    void run(() => api.sendDtmf({ callId: call.id, tones: tone }));
  };

  return (
    <section className={`call-bar call-${call.status}`} aria-label="Current call">
      <div className="call-main">
        <div className="call-info">
          <span className="call-direction muted">{call.direction === 'inbound' ? 'Incoming' : 'Outgoing'}</span>
          <span className="call-party">{callParty(call)}</span>
          <span className="call-state" aria-live="polite">
            {callStateText(call)}
          </span>
          {connected && call.answeredAt ? (
            <span className="call-timer num" aria-label="Call time">
              {formatDuration(now - Date.parse(call.answeredAt))}
            </span>
          ) : null}
          {connected && call.muted ? <span className="badge">Muted</span> : null}
        </div>
        {live ? <LevelMeters callId={call.id} /> : null}
        <div className="call-actions">
          {connected ? (
            <>
              <button type="button" className="button" aria-pressed={call.muted} disabled={busy} onClick={() => void run(() => api.setMute({ callId: call.id, muted: !call.muted }))}>
                Mute
              </button>
              <button type="button" className="button" aria-pressed={call.held} disabled={busy} onClick={() => void run(() => api.setHold({ callId: call.id, held: !call.held }))}>
                Hold
              </button>
              <button type="button" className="button" aria-expanded={keypad} onClick={() => setKeypad(!keypad)}>
                Keypad
              </button>
              <button type="button" className="button button-hangup" onClick={() => void run(() => api.hangUp({ callId: call.id }))}>
                Hang up
              </button>
            </>
          ) : live ? (
            <button
              type="button"
              className="button button-hangup"
              onClick={() => void run(() => (call.direction === 'outbound' ? api.cancelCall({ callId: call.id }) : api.declineInbound({ callId: call.id })))}
            >
              {call.direction === 'outbound' ? 'Cancel' : 'Decline'}
            </button>
          ) : (
            <button type="button" className="button button-quiet" onClick={onDismiss} aria-label="Dismiss call summary">
              ✕
            </button>
          )}
        </div>
      </div>
      {call.direction === 'outbound' && call.leadId && live && !blockCall ? <CallOpener leadId={call.leadId} answered={connected} /> : null}
      {call.direction === 'outbound' && call.leadId && !blockCall && (connected || call.outcome === 'answered') ? (
        <SettleOutcome callId={call.id} keys={{ connected, hangUp: () => void run(() => api.hangUp({ callId: call.id })) }} />
      ) : null}
      {keypad && connected ? <DtmfKeypad onTone={sendTone} disabled={false} sent={sent} /> : null}
      <InlineError error={error} />
      {problem && live ? (
        <p className="warning" role="status">
          {problem}
        </p>
      ) : null}
      {deviceOffer && live ? (
        <p className="notice" role="status">
          {deviceOffer.notice}{' '}
          <button type="button" className="button" onClick={() => void deviceOffer.accept()}>
            Switch back
          </button>
        </p>
      ) : null}
    </section>
  );
}
