import { useEffect, useRef, useState } from 'react';
import { onDeskAction } from '../ui/desk-actions.js';
import type { CallView } from '../../shared/sip.js';
import { DELIVERY_LABELS } from '../../shared/voicemail/delivery.js';
import { useApi } from '../api/api-context.js';
import { typingInField } from '../ui/shortcut.js';
import { currentCall } from '../ui/sip-state.js';
import { useSip } from '../ui/use-sip.js';
import { mediaEngineFor } from '../media/media-engine.js';
import { VoicemailDrop, type DropView } from './voicemail-drop.js';
import './voicemail-drop.css';

/** The voicemail drop for the current outbound call to a lead: status, V to drop now, Esc to cancel. */
export function VoicemailDropBar() {
  const { state } = useSip();
  const call = currentCall(state);
  if (!call || call.direction !== 'outbound' || !call.leadId) return null;
  return <DropFor key={call.id} call={call} leadId={call.leadId} />;
}

function DropFor({ call, leadId }: { call: CallView; leadId: string }) {
  const api = useApi();
  const drop = useRef<VoicemailDrop | null>(null);
  const [view, setView] = useState<DropView | null>(null);

  useEffect(() => {
    const engine = mediaEngineFor(api);
    const created = new VoicemailDrop(api, call.id, leadId, () => engine.callMedia(call.id), setView);
    drop.current = created;
    setView(created.current);
    void created.prepare();
    return () => created.dispose();
  }, [api, call.id, leadId]);

  const connected = call.status === 'connected';
  const phase = view?.phase;
  useEffect(() => {
    if (connected && phase === 'ready') void drop.current?.answered();
  }, [connected, phase]);

  // A headset's Flash button or the global key: the same as V.
  useEffect(() => {
    if (call.status === 'ended') return;
    return onDeskAction((action) => {
      if (action === 'drop-voicemail') void drop.current?.dropNow();
    });
  }, [call.status]);

  useEffect(() => {
    if (call.status === 'ended') return;
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event.target)) return;
      if (event.key === 'v' || event.key === 'V') {
        event.preventDefault();
        void drop.current?.dropNow();
      } else if (event.key === 'Escape') {
        void drop.current?.cancel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [call.status]);

  if (!view) return null;
  const canDrop = connected && ['ready', 'listening', 'human', 'undecided', 'cancelled'].includes(view.phase);
  return (
    <section className={`voicemail-drop phase-${view.phase}`} aria-label="Voicemail drop">
      <p role="status" className="voicemail-drop-status">
        {view.way ? <span className="badge">{DELIVERY_LABELS[view.way]}</span> : null} {view.message}
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={!canDrop} onClick={() => void drop.current?.dropNow()}>
          Drop voicemail now <kbd>V</kbd>
        </button>
        {view.phase === 'listening' || view.phase === 'playing' ? (
          <button type="button" className="button button-quiet" onClick={() => void drop.current?.cancel()}>
            {view.phase === 'playing' ? 'Take the line back' : 'Cancel automatic drop'} <kbd>Esc</kbd>
          </button>
        ) : null}
      </div>
    </section>
  );
}
