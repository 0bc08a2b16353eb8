import type { DialdeskEvent } from '../../shared/contract/index.js';
import type { CallView, RegistrationState } from '../../shared/sip.js';

/** What the phone UI shows, folded from the core's SIP events. Pure: unit tested. */
export interface SipState {
  registration: RegistrationState | null;
  /** Recent calls by id, newest last (ended ones kept for the "call ended" line). */
  calls: CallView[];
  /** Inbound calls the core let ring (`sip.inbound`); suppressed ones never ring. */
  announced: string[];
  /** The ended call the rep closed the summary of. */
  dismissed: string | null;
}

export const INITIAL_SIP_STATE: SipState = { registration: null, calls: [], announced: [], dismissed: null };

const KEEP_CALLS = 10;

function upsert(calls: CallView[], call: CallView): CallView[] {
  const at = calls.findIndex((c) => c.id === call.id);
  if (at === -1) return [...calls, call].slice(-KEEP_CALLS);
  const next = calls.slice();
  next[at] = call;
  return next;
}

export function applySipEvent(state: SipState, event: DialdeskEvent): SipState {
  switch (event.type) {
    case 'sip.registration':
      return { ...state, registration: event.registration };
    case 'sip.call':
      return { ...state, calls: upsert(state.calls, event.call) };
    case 'sip.inbound':
      return {
        ...state,
        calls: upsert(state.calls, event.call),
        announced: state.announced.includes(event.call.id) ? state.announced : [...state.announced, event.call.id].slice(-KEEP_CALLS),
      };
    default:
      return state;
  }
}

/** Folds a `listCalls` answer in (start-up, or after the window reloaded mid-call). */
export function withCalls(state: SipState, calls: CallView[]): SipState {
  let next = state.calls;
  for (const call of calls) {
    const known = next.find((c) => c.id === call.id);
    // An event that arrived while listCalls was on its way is newer: keep it.
    if (!known || (known.status !== 'ended' && call.status === 'ended')) next = upsert(next, call);
  }
  return { ...state, calls: next };
}

/** The call the call bar shows: the live one, else the last ended one until dismissed. */
export function currentCall(state: SipState): CallView | null {
  const live = state.calls.filter((c) => c.status !== 'ended' && !isRinging(state, c));
  if (live.length > 0) return live[live.length - 1];
  const last = [...state.calls].reverse().find((c) => c.status === 'ended' && !(c.direction === 'inbound' && c.endReason === 'suppressed'));
  return last && last.id !== state.dismissed ? last : null;
}

/** Inbound calls ringing for the rep to accept or decline. */
export function ringingCalls(state: SipState): CallView[] {
  return state.calls.filter((c) => isRinging(state, c));
}

function isRinging(state: SipState, call: CallView): boolean {
  return call.direction === 'inbound' && call.status === 'ringing' && state.announced.includes(call.id);
}

/** Whether a new call may be dialled (no call in progress). */
export function onCall(state: SipState): boolean {
  return state.calls.some((c) => c.status !== 'ended');
}
