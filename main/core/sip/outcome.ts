import type { CallOutcome } from '../../../shared/domain.js';

/** How an outbound call ended, as far as outcome mapping cares. */
export interface OutboundEnd {
  /** A 2xx arrived: somebody (or a machine) picked up. */
  answered: boolean;
  /** Final status of the INVITE (null when none came: network loss, media failure). */
  sipStatus: number | null;
  /** We sent CANCEL: the rep gave up or the ring timeout fired. */
  cancelledByUs: boolean;
}

/**
 * SIP result → attempt outcome. `failed` is never counted against the lead: it is our side or
 * the network (5xx, auth trouble, lost transport), not the lead's phone.
 *
 *   2xx                          → answered: a person or a machine; the rep (or the beep detector)
 *                                  settles it later as conversation, voicemail, gatekeeper, …
 *   486 Busy Here, 600 Busy Everywhere, 603 Decline → busy (the lead's phone refused the call)
 *   404, 484, 604, 410           → bad-number
 *   480, 408, 487 after our CANCEL, ring timeout → no-answer
 *   5xx, other 4xx/6xx, none     → failed
 */
export function outcomeForOutbound(end: OutboundEnd): CallOutcome {
  if (end.answered) return 'answered';
  if (end.cancelledByUs) return 'no-answer';
  const status = end.sipStatus;
  if (status === null) return 'failed';
  if (status === 486 || status === 600 || status === 603) return 'busy';
  if (status === 404 || status === 484 || status === 604 || status === 410) return 'bad-number';
  if (status === 480 || status === 408 || status === 487) return 'no-answer';
  return 'failed';
}
