import type { CallStatus, CallView, MediaRequest, RegistrationState } from '../sip.js';

/**
 * Events the SIP core pushes. Every registration and call transition is one event; an inbound
 * call the policy lets ring is announced once more as `sip.inbound` (the UI rings on that).
 */
export type SipEvent =
  | { type: 'sip.registration'; registration: RegistrationState }
  | { type: 'sip.call'; call: CallView; previous: CallStatus | null }
  | { type: 'sip.inbound'; call: CallView }
  /** For the renderer's media module only; answer with the `mediaRespond` call. */
  | { type: 'sip.media.request'; request: MediaRequest };
