import type { DialdeskApi } from '../../shared/contract/index.js';
import type { DeskAction } from '../../shared/desk-keys.js';
import { currentCall, ringingCalls, type SipState } from './sip-state.js';

/**
 * The desk actions (headset buttons, global keys) inside the page: anyone may
 * ask for one, the host performs it, and the voicemail drop listens for its
 * own. A window event, so the features stay apart.
 */
const EVENT = 'dialdesk:desk-action';

export function requestDeskAction(action: DeskAction): void {
  window.dispatchEvent(new CustomEvent<DeskAction>(EVENT, { detail: action }));
}

export function onDeskAction(listener: (action: DeskAction) => void): () => void {
  const relay = (event: Event) => listener((event as CustomEvent<DeskAction>).detail);
  window.addEventListener(EVENT, relay);
  return () => window.removeEventListener(EVENT, relay);
}

/**
 * Answer, hang up, mute and pause through the same calls the buttons on
 * screen make. Drop voicemail is the voicemail drop's own (it holds the audio).
 * Returns what was done, for the status line; null when the action fits nothing now.
 */
export async function performLineAction(api: DialdeskApi, state: SipState, action: Exclude<DeskAction, 'drop-voicemail'>): Promise<string | null> {
  const ringing = ringingCalls(state)[0];
  const call = currentCall(state);
  const live = call && call.status !== 'ended' ? call : null;
  switch (action) {
    case 'answer':
      if (!ringing) return null;
      return (await api.answerInbound({ callId: ringing.id })).ok ? 'Answered' : null;
    case 'hang-up':
      if (!live) return null;
      if (live.status === 'connected') return (await api.hangUp({ callId: live.id })).ok ? 'Hung up' : null;
      return (await api.cancelCall({ callId: live.id })).ok ? 'Cancelled the call' : null;
    case 'mute':
      if (!live || live.status !== 'connected') return null;
      return (await api.setMute({ callId: live.id, muted: !live.muted })).ok ? (live.muted ? 'Unmuted' : 'Muted') : null;
    case 'pause-block': {
      const block = await api.getBlock({});
      if (!block.ok || !block.value) return null;
      if (block.value.status === 'running') return (await api.pauseBlock({})).ok ? 'Block paused' : null;
      if (block.value.status === 'paused') return (await api.resumeBlock({})).ok ? 'Block resumed' : null;
      return null;
    }
  }
}
