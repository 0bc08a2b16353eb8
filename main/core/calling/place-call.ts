/**
 * Placing a call: the ONE way Dialdesk dials. The gate decides by the number
 * (owner, do-not-call, window in every zone that applies), then SIP dials,
 * with the attempt booked to the lead that owns the number, not the one the
 * request named. The contract's `dial` and a dial block's next call both use
 * `placeCall`; `SipService.dial` below it is the raw, unchecked SIP leg.
 */
import type { CallView } from '../../../shared/sip.js';
import type { LeadId } from '../../../shared/domain.js';
import { ApiFailure } from '../api/api-failure.js';
import type { DialGate } from './dial-gate.js';

export interface PlaceCallDeps {
  gate: DialGate;
  /** The SIP leg (SipService.dial): reached only from here. */
  sip: { dial(input: { number: string; leadId: LeadId | null }): Promise<CallView> };
  now(): Date;
}

export interface PlaceCallRequest {
  /** E.164. */
  number: string;
  /** The lead the caller believes it is dialling; refused when the number is not this lead's. */
  leadId: string | null;
}

/** Checks, then dials. Throws ApiFailure('refused', reason) when the gate refuses. */
export type PlaceCall = (request: PlaceCallRequest) => Promise<CallView>;

export function createPlaceCall(deps: PlaceCallDeps): PlaceCall {
  return async ({ number, leadId }) => {
    const verdict = await deps.gate.checkNumber(number, { leadId, at: deps.now().getTime() });
    if (!verdict.allowed) throw new ApiFailure('refused', verdict.reason);
    return deps.sip.dial({ number, leadId: verdict.leadId });
  };
}
