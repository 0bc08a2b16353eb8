import type { InboundResponse } from '../../../shared/domain.js';
import type { InboundSuppression } from '../../../shared/sip.js';

export interface InboundPolicyInput {
  /** A dial block is running: the rep must not be pulled out of it by a ringing phone. */
  dialBlockActive: boolean;
  /** Some call is already in progress (dialing, ringing or connected). */
  onCall: boolean;
  suppression: InboundSuppression;
  /** Target for `divert-302`; empty when none is configured. */
  voicemailUri: string;
}

export type InboundDecision =
  | { action: 'ring' }
  | { action: 'reject'; statusCode: 486 | 480; response: InboundResponse; reason: string }
  | { action: 'redirect'; statusCode: 302; contact: string; response: InboundResponse; reason: string };

/**
 * Decides an inbound call before any UI sees it. Pure, so the dial-block feature can reason
 * about it and tests can enumerate it.
 *
 * - Already on a call → always suppressed (a softphone has one line for the rep).
 * - Dial block active → suppressed.
 * - Otherwise it rings.
 * Suppression answers as configured: 486 Busy Here, 480 Temporarily Unavailable, or 302 to the
 * voicemail URI (486 when no voicemail URI is set, so a caller is never left hanging).
 */
export function decideInbound(input: InboundPolicyInput): InboundDecision {
  if (!input.onCall && !input.dialBlockActive) return { action: 'ring' };
  const reason = input.onCall ? 'already on a call' : 'dial block active';
  switch (input.suppression) {
    case 'divert-302':
      if (input.voicemailUri) {
        return { action: 'redirect', statusCode: 302, contact: input.voicemailUri, response: 'diverted-302', reason };
      }
      return { action: 'reject', statusCode: 486, response: 'busy-486', reason: `${reason} (no voicemail address set)` };
    case 'unavailable-480':
      return { action: 'reject', statusCode: 480, response: 'unavailable-480', reason };
    case 'busy-486':
      return { action: 'reject', statusCode: 486, response: 'busy-486', reason };
  }
}
