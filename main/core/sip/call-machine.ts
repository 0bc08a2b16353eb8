import type { CallStatus } from '../../../shared/sip.js';
import { IllegalTransitionError } from './registration-machine.js';

/**
 * One call's life. Outbound starts in `dialing` (INVITE sent), inbound in `ringing` (the policy
 * let it ring; a suppressed inbound call goes straight to `ended`).
 *
 *   outbound                         inbound
 *   ┌─────────┐ 180     ┌─────────┐  ┌─────────┐
 *   │ dialing │───────▶ │ ringing │◀─┤ (start) │
 *   └─────────┘         └─────────┘  └─────────┘
 *     │  │ 183+SDP        │  ▲  │
 *     │  ▼                ▼  │  │ 2xx / rep answers
 *     │ ┌─────────────┐ ──┘  │  │
 *     │ │ early-media │ ─────┘  │        ┌───────────┐  BYE either side,  ┌───────┐
 *     │ └─────────────┘ ──2xx──▶├──────▶ │ connected │ ─network, media──▶ │ ended │
 *     └──────────2xx───────────▶┘        └───────────┘                    └───────┘
 *   every state except ended ── final error / CANCEL / ring timeout / network ──▶ ended
 *
 * Hold and mute are flags on a connected call, not states: a re-INVITE does not change what the
 * call is, and the UI shows both at once.
 */
export const CALL_TRANSITIONS: Record<CallStatus, readonly CallStatus[]> = {
  dialing: ['ringing', 'early-media', 'connected', 'ended'],
  ringing: ['early-media', 'connected', 'ended'],
  'early-media': ['ringing', 'connected', 'ended'],
  connected: ['ended'],
  ended: [],
};

/** Throws IllegalTransitionError unless `from → to` is drawn above. */
export function assertCallTransition(from: CallStatus, to: CallStatus): void {
  if (!CALL_TRANSITIONS[from].includes(to)) throw new IllegalTransitionError('call', from, to);
}
