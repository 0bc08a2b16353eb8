import { useEffect, useState, type FormEvent } from 'react';
import type { CallView } from '../../shared/sip.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';
import { LevelMeters } from './level-meters.js';
import { useSip } from '../ui/use-sip.js';
import { mediaEngineFor } from '../media/media-engine.js';

const STATUS_WORDS: Record<CallView['status'], string> = {
  dialing: 'Dialing…',
  ringing: 'Ringing…',
  'early-media': 'Ringing (early audio)…',
  connected: 'Connected: speak and listen',
  ended: 'Ended',
};

/** "+1 (415) 555-0107" → "+14155550107": what the contract's E.164 check wants. */
export function compactNumber(text: string): string {
  return text.replace(/[\s().-]/g, '');
}

/**
 * A test call before a block: registers the line when it is not, calls a
 * number the rep chooses (their own mobile, an echo line) and shows the
 * audio level both ways and the codec, so a new rep knows the setup works.
 * The call goes through the same dial gate as any other.
 */
export function TestCall() {
  const api = useApi();
  const { state } = useSip();
  const { busy, error, run } = useApiAction();
  const [number, setNumber] = useState('');
  const [callId, setCallId] = useState<string | null>(null);
  const [codec, setCodec] = useState<string | null>(null);
  const call = callId ? (state.calls.find((c) => c.id === callId) ?? null) : null;
  const live = call !== null && call.status !== 'ended';

  useEffect(() => {
    if (!callId || call?.status !== 'connected') return;
    const engine = mediaEngineFor(api);
    const read = () => void engine.codec(callId).then((found) => found && setCodec(found));
    read();
    const timer = setInterval(read, 1000);
    return () => clearInterval(timer);
  }, [api, callId, call?.status]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setCodec(null);
    if (state.registration?.status !== 'registered') {
      const registered = await run(() => api.retryRegistration({}));
      if (!registered.ok) return;
    }
    const placed = await run(() => api.dial({ number: compactNumber(number), leadId: null }));
    if (placed.ok) setCallId(placed.value.id);
  };

  return (
    <form className="card test-call" onSubmit={start} aria-label="Test call">
      <h2 className="card-title">Test call</h2>
      <p className="hint muted">Call your own mobile (or an echo line) to hear and check your setup before a block.</p>
      <div className="test-call-row">
        <label htmlFor="test-call-number">Number to call</label>
        <input
          id="test-call-number"
          className="input"
          type="tel"
          placeholder="+14155550107"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          disabled={live}
        />
        {live ? (
          <button type="button" className="button" onClick={() => void run(() => api.hangUp({ callId: call.id }))}>
            Hang up
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={busy || compactNumber(number) === ''}>
            Test call
          </button>
        )}
      </div>
      {error ? <ErrorMessage error={error} title="The test call did not start" /> : null}
      {call ? (
        <div className="test-call-result">
          <p role="status" aria-live="polite">
            {STATUS_WORDS[call.status]}
            {call.status === 'ended' && call.endReason ? ` (${call.endReason.replaceAll('-', ' ')})` : ''}
          </p>
          {live ? <LevelMeters callId={call.id} /> : null}
          <p>
            Codec: <strong>{codec ?? (live ? 'waiting for audio…' : 'none')}</strong>
          </p>
        </div>
      ) : null}
    </form>
  );
}
