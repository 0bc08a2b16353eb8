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
  sip: { dial(input: { number: string; leadId: LeadId | null; uri?: string }): Promise<CallView> };
  now(): Date;
}

export interface PlaceCallRequest {
  /** E.164. */
  number: string;
  /** The lead the caller believes it is dialling; refused when the number is not this lead's. */
  leadId: string | null;
}

/** A test call to a line of the rep's own PBX (`sip:echo@pbx.example.com`): no lead, no phone. */
export interface OwnLineRequest {
  ownLine: string;
}

/** Checks, then dials. Throws ApiFailure('refused', reason) when the gate refuses. */
export type PlaceCall = (request: PlaceCallRequest | OwnLineRequest) => Promise<CallView>;

export function createPlaceCall(deps: PlaceCallDeps): PlaceCall {
  // The window exemption is the practice line's alone: a gate that carries one dials nothing else.
  const exemption = deps.gate.windowExemption;
  if (exemption && exemption.line !== deps.sip) throw new Error('A gate exempt from the calling window dials only through its own practice line.');
  return async (request) => {
    if ('ownLine' in request) {
      const refused = deps.gate.checkOwnLine(request.ownLine);
      if (refused !== null) throw new ApiFailure('refused', refused);
      return deps.sip.dial({ number: request.ownLine, leadId: null, uri: request.ownLine });
    }
    const { number, leadId } = request;
    const verdict = await deps.gate.checkNumber(number, { leadId, at: deps.now().getTime() });
    if (!verdict.allowed) throw new ApiFailure('refused', verdict.reason);
    return deps.sip.dial({ number, leadId: verdict.leadId });
  };
}
