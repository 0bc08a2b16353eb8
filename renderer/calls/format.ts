import type { CallView, RegistrationState } from '../../shared/sip.js';
import { clockTime } from '../ui/format-time.js';
import { mmss } from '../../shared/clock-text.js';

/** "0:07", "12:30", "1:02:03". */
export const formatDuration = mmss;

export type Tone = 'ok' | 'busy' | 'warn' | 'error' | 'idle';

/** The line the phone status shows, and how it should look. */
export function registrationText(state: RegistrationState | null): { text: string; tone: Tone } {
  if (!state) return { text: 'Phone: checking…', tone: 'idle' };
  switch (state.status) {
    case 'idle':
      return state.aor ? { text: 'Phone: not connected', tone: 'idle' } : { text: 'Phone: no account set up', tone: 'idle' };
    case 'registering':
      return { text: 'Phone: connecting…', tone: 'busy' };
    case 'registered':
      return { text: `Phone: registered${state.aor ? ` as ${state.aor}` : ''}`, tone: 'ok' };
    case 'failed':
      return { text: `Phone: ${state.reason ?? 'registration failed'}`, tone: 'error' };
    case 'offline': {
      const since = state.offlineSince ? ` since ${clockTime(state.offlineSince)}` : '';
      const why = state.reason ? ` (${state.reason})` : '';
      const retry = state.nextRetryAt ? `; retrying at ${clockTime(state.nextRetryAt)}` : '';
      return { text: `Phone: offline${since}${why}${retry}`, tone: 'warn' };
    }
  }
}

const SIP_FAILURES: Record<number, string> = {
  404: 'number not found',
  410: 'number gone',
  480: 'unavailable',
  484: 'incomplete number',
  486: 'busy',
  487: 'cancelled',
  488: 'no common audio codec',
  503: 'service unavailable',
  600: 'busy',
  603: 'declined',
  604: 'number does not exist',
};

/** Why a call ended, in the rep's words. */
export function endText(call: CallView): string {
  switch (call.endReason) {
    case 'hangup-local':
      return 'You hung up';
    case 'hangup-remote':
      return 'They hung up';
    case 'cancelled':
      return 'Cancelled';
    case 'ring-timeout':
      return 'No answer';
    case 'rejected': {
      const status = call.sipStatus;
      // Answered, but the answer's media could not be used (no common codec, bad SDP).
      if (status !== null && status >= 200 && status < 300) return `Not connected: the call's audio could not be set up (SIP ${status})`;
      return status ? `Not connected: ${SIP_FAILURES[status] ?? 'refused'} (SIP ${status})` : 'Not connected';
    }
    case 'network':
      return 'Call dropped: connection to the phone server lost';
    case 'media-lost':
      return 'Call ended: the audio stopped (microphone or window)';
    case 'declined':
      return 'Declined';
    case 'missed':
      return 'Missed';
    case 'suppressed':
      return 'Answered busy while you were dialling';
    default:
      return 'Call ended';
  }
}

/** The status word of a live call. */
export function callStateText(call: CallView): string {
  switch (call.status) {
    case 'dialing':
      return 'Dialing…';
    case 'ringing':
      return call.direction === 'inbound' ? 'Incoming call' : 'Ringing…';
    case 'early-media':
      return 'Ringing (early audio)…';
    case 'connected':
      return call.held ? 'On hold' : 'Connected';
    case 'ended':
      return endText(call);
  }
}

/** Who the call is with: the display name when there is one, and the number. */
export function callParty(call: CallView): string {
  return call.displayName ? `${call.displayName} (${call.number})` : call.number;
}
