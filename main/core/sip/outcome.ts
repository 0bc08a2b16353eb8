import type { CallOutcome } from '../../../shared/domain.js';

/** How an outbound call ended, as far as outcome mapping cares. */
export interface OutboundEnd {
  /** A 2xx arrived: somebody (or a machine) picked up. */
  answered: boolean;
  /** Final status of the INVITE (null when none came: network loss, media failure). */
  sipStatus: number | null;
  /** We sent CANCEL before an answer: the rep gave up (Esc), or the ring timeout fired; null when we did not. */
  cancelledBy: 'rep' | 'ring-timeout' | null;
}

/**
 * SIP result → attempt outcome. `failed` is never counted against the lead: it is our side or
 * the network (5xx, auth trouble, lost transport), not the lead's phone.
 *
 *   2xx                          → answered: a person or a machine; the rep (or the beep detector)
 *                                  settles it later as conversation, voicemail, gatekeeper, …
 *   486 Busy Here, 600 Busy Everywhere, 603 Decline → busy (the lead's phone refused the call)
 *   404, 484, 604, 410           → bad-number
 *   480, 408, ring timeout        → no-answer
 *   our CANCEL on the rep's word  → canceled (the rep hung up first: not counted against the lead)
 *   5xx, other 4xx/6xx, none     → failed
 */
export function outcomeForOutbound(end: OutboundEnd): CallOutcome {
  if (end.answered) return 'answered';
  if (end.cancelledBy === 'rep') return 'canceled';
  if (end.cancelledBy === 'ring-timeout') return 'no-answer';
  const status = end.sipStatus;
  if (status === null) return 'failed';
  if (status === 486 || status === 600 || status === 603) return 'busy';
  if (status === 404 || status === 484 || status === 604 || status === 410) return 'bad-number';
  if (status === 480 || status === 408 || status === 487) return 'no-answer';
  return 'failed';
}
