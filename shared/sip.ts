/**
 * SIP types shared by main and renderer: the account (minus its password), registration and
 * call state as the UI sees them, and the media-bridge protocol the renderer's WebRTC module
 * answers. Plain data only (see domain.ts).
 */
import type { CallOutcome, IsoTime, LeadId } from './domain.js';

export const DTMF_MODES = ['rfc4733', 'info'] as const;
export type DtmfMode = (typeof DTMF_MODES)[number];

/** How an inbound call is answered while suppressed (dial block active, or already on a call). */
export const INBOUND_SUPPRESSIONS = ['busy-486', 'unavailable-480', 'divert-302'] as const;
export type InboundSuppression = (typeof INBOUND_SUPPRESSIONS)[number];

/** A lead's phone needs time to ring through to voicemail; shorter than this looks like a hang-up. */
export const RING_TIMEOUT_MIN_SECONDS = 15;
export const RING_TIMEOUT_MAX_SECONDS = 120;
export const RING_TIMEOUT_DEFAULT_SECONDS = 25;

/** Non-secret account settings (persisted as JSON in the data dir). */
export interface SipAccount {
  /** SIP over WebSocket: `wss://pbx.example.com:8089/ws`. */
  serverUrl: string;
  /** The rep's SIP address (AOR): `sip:rep@pbx.example.com`. */
  aor: string;
  /** Digest user name; empty = the user part of the AOR. */
  authUsername: string;
  displayName: string;
  /** Outbound caller ID as E.164, sent as P-Preferred-Identity; empty = the PBX decides. */
  callerId: string;
  /** `stun:` / `turn:` URLs for the renderer's RTCPeerConnection. */
  iceServers: string[];
  /** E.164 → SIP URI: `sip:{e164}@pbx` or `sip:00{digits}@pbx`. */
  dialPlan: string;
  ringTimeoutSeconds: number;
  dtmfMode: DtmfMode;
  inboundSuppression: InboundSuppression;
  /** Where `divert-302` sends suppressed callers. */
  voicemailUri: string;
}

/** What the renderer gets back: never the password, only whether one is stored. */
export interface SipAccountView extends SipAccount {
  hasPassword: boolean;
}

/**
 * Registration as the UI shows it. `offline` retries on its own (nextRetryAt); `failed` waits for
 * the account to change (wrong password, forbidden).
 */
export type RegistrationStatus = 'idle' | 'registering' | 'registered' | 'failed' | 'offline';

export interface RegistrationState {
  status: RegistrationStatus;
  /** Why it is failed/offline ("authentication failed", "server unreachable"). */
  reason: string | null;
  /** When the line went down; the UI shows "offline since hh:mm". Kept through retries. */
  offlineSince: IsoTime | null;
  nextRetryAt: IsoTime | null;
  registeredAt: IsoTime | null;
  aor: string | null;
}

export type CallDirection = 'outbound' | 'inbound';
export type CallStatus = 'dialing' | 'ringing' | 'early-media' | 'connected' | 'ended';

export type CallEndReason =
  /** The rep hung up a connected call. */
  | 'hangup-local'
  /** The other side hung up a connected call. */
  | 'hangup-remote'
  /** The rep cancelled while it rang. */
  | 'cancelled'
  /** Nobody answered within the ring timeout; we cancelled. */
  | 'ring-timeout'
  /** The far end or the network answered with a final failure (busy, not found, …): see sipStatus. */
  | 'rejected'
  /** Transport to the SIP server lost during the call. */
  | 'network'
  /** The media module (renderer) went away or failed. */
  | 'media-lost'
  /** Inbound: the rep declined. */
  | 'declined'
  /** Inbound: the caller gave up (or it rang out) before the rep answered. */
  | 'missed'
  /** Inbound: answered by policy without ringing (dial block, already on a call). */
  | 'suppressed';

export interface CallView {
  id: string;
  direction: CallDirection;
  status: CallStatus;
  /** E.164 when it parsed, else what the network sent. */
  number: string;
  remoteUri: string;
  displayName: string;
  leadId: LeadId | null;
  startedAt: IsoTime;
  answeredAt: IsoTime | null;
  endedAt: IsoTime | null;
  endReason: CallEndReason | null;
  /** Final SIP status of the INVITE (200 when answered), null while in progress or without one. */
  sipStatus: number | null;
  /** Attempt outcome for an outbound call once ended (null for inbound); `answered` waits for the rep to settle it. */
  outcome: CallOutcome | null;
  muted: boolean;
  held: boolean;
}

/**
 * Media bridge protocol, main → renderer. The core's SessionDescriptionHandler forwards each sip.js
 * media step as one request (event `sip.media.request`); the renderer's RTCPeerConnection does it
 * and answers with the `mediaRespond` call carrying the same id. Unanswered requests time out and
 * end the call with reason `media-lost`.
 */
export type MediaOperation =
  /** Create an offer (no remote description yet) or an answer (after setDescription of an offer). */
  | { op: 'getDescription'; hold: boolean; iceServers: string[] }
  /** Apply the remote offer or answer. */
  | { op: 'setDescription'; sdp: string; hold: boolean; iceServers: string[] }
  | { op: 'sendDtmf'; tones: string; durationMs: number; gapMs: number }
  | { op: 'setMute'; muted: boolean }
  /** The call is over: release the peer connection and the microphone. */
  | { op: 'close' };

export type MediaRequest = { id: string; callId: string } & MediaOperation;

export type MediaResponse =
  /** `sent: false` answers sendDtmf when the far end took no RFC 4733 events: main then falls back to SIP INFO. */
  | { id: string; ok: true; description?: { body: string; contentType: string }; sent?: boolean }
  | { id: string; ok: false; error: string };
