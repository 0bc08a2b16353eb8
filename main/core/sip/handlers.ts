import type { sipCalls } from '../../../shared/contract/sip.js';
import type { HandlersFor } from '../api/dispatch.js';
import type { SipService } from './sip-service.js';

/**
 * The contract's SIP calls, answered by the service (inputs already validated by dispatch).
 * Not `dial`: placing a call is answered by main/core/calling/ (placeCall), which runs the dial
 * gate (owner of the number, do-not-call, calling window) before it reaches `service.dial`.
 */
export function sipHandlers(service: SipService): HandlersFor<Omit<typeof sipCalls, 'dial' | 'testCall'>> {
  return {
    getSipAccount: () => service.getAccount(),
    saveSipAccount: (input) => service.saveAccount(input),
    getRegistration: () => service.getRegistration(),
    retryRegistration: () => service.retryRegistration(),
    listCalls: () => service.listCalls(),
    cancelCall: ({ callId }) => service.cancelCall(callId),
    hangUp: ({ callId }) => service.hangUp(callId),
    setMute: ({ callId, muted }) => service.setMute(callId, muted),
    setHold: ({ callId, held }) => service.setHold(callId, held),
    sendDtmf: ({ callId, tones }) => service.sendDtmf(callId, tones),
    answerInbound: ({ callId }) => service.answerInbound(callId),
    declineInbound: ({ callId }) => service.declineInbound(callId),
    mediaRespond: (response) => {
      service.mediaRespond(response);
      return null;
    },
    mediaReset: () => service.mediaReset(),
  };
}
