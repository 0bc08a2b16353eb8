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

/**
 * A test call before a block: registers the line when it is not, calls what
 * the rep types (their own mobile as they would write it, an echo extension
 * or SIP address of their own PBX) and shows the audio level both ways and
 * the codec, so a new rep knows the setup works. The core reads the target;
 * a phone number goes through the same dial gate as any other.
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
    const placed = await run(() => api.testCall({ target: number.trim() }));
    if (placed.ok) setCallId(placed.value.id);
  };

  return (
    <form className="card test-call" onSubmit={start} aria-label="Test call">
      <h2 className="card-title">Test call</h2>
      <p className="hint muted">
        Call your own mobile (as you would dial it) or an echo line of your phone system (an extension such as 600, or a SIP address on your
        account's domain) to hear and check your setup before a block.
      </p>
      <div className="test-call-row">
        <label htmlFor="test-call-number">Number to call</label>
        <input
          id="test-call-number"
          className="input"
          type="text"
          autoComplete="off"
          placeholder="(415) 555-0107, 600 or sip:echo@…"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          disabled={live}
        />
        {live ? (
          <button type="button" className="button" onClick={() => void run(() => api.hangUp({ callId: call.id }))}>
            Hang up
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={busy || number.trim() === ''}>
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
